package hub.ameen.platform.security;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PermissionsTests {

	static final String GUARD = "HAS_";

	@Test
	void allListsEveryConstantOnceInDomainColonActionForm() throws Exception {
		String[] constants = Arrays.stream(Permissions.class.getFields())
			.filter((field) -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
			.filter((field) -> !field.getName().startsWith(GUARD))
			.map(PermissionsTests::value)
			.toArray(String[]::new);
		assertThat(Permissions.all()).containsExactlyInAnyOrder(constants).doesNotHaveDuplicates();
		assertThat(Permissions.all()).allMatch((permission) -> permission.matches("[a-z]+:[a-z]+"));
		assertThat(Permissions.all()).contains("crm:read", "crm:write", "tasks:write", "users:admin");
	}

	@Test
	void everyGuardChecksThePermissionItIsNamedFor() throws Exception {
		Field[] guards = Arrays.stream(Permissions.class.getFields())
			.filter((field) -> field.getName().startsWith(GUARD))
			.toArray(Field[]::new);
		assertThat(guards).hasSameSizeAs(Permissions.all());
		for (Field guard : guards) {
			String permission = value(Permissions.class.getField(guard.getName().substring(GUARD.length())));
			assertThat(value(guard)).isEqualTo("hasAuthority('" + permission + "')");
		}
	}

	private static String value(Field field) {
		try {
			return (String) field.get(null);
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
