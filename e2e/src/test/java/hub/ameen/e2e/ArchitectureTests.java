package hub.ameen.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The structure that keeps the services small and apart, checked over the compiled
 * classes of every module (so run it after they compile, as {@code ./mvnw verify} does):
 * a service never imports another service, a controller never touches the store's
 * transactions, and the platform never imports a service.
 */
class ArchitectureTests {

	static final Path root = Path.of(System.getProperty("hub.root", "..")).toAbsolutePath().normalize();

	/** Each service module and the package it owns. */
	static final Map<String, String> SERVICES = Map.of("auth-service", "hub.ameen.auth", "user-service",
			"hub.ameen.user", "crm-service", "hub.ameen.crm", "tasks-service", "hub.ameen.tasks", "scheduler-service",
			"hub.ameen.scheduler", "notification-service", "hub.ameen.notification", "gateway", "hub.ameen.gateway");

	static final List<String> PLATFORM = List.of("store", "kafka", "events", "web", "security", "test");

	/**
	 * What only a store, a service or an aggregate may hold: the store and its
	 * transactions.
	 */
	static final List<String> STORE_INTERNALS = Stream
		.of("Store", "Collection", "Index", "ReadTxn", "WriteTxn", "Writer")
		.map((name) -> "hub.ameen.platform.store." + name)
		.toList();

	static JavaClasses services;

	static JavaClasses platform;

	@BeforeAll
	static void importClasses() {
		services = importFrom(SERVICES.keySet().stream().map((module) -> root.resolve(module)).toList());
		platform = importFrom(PLATFORM.stream().map((module) -> root.resolve("platform").resolve(module)).toList());
	}

	@TestFactory
	Stream<DynamicTest> aServiceNeverImportsAnotherService() {
		return SERVICES.values().stream().map((own) -> DynamicTest.dynamicTest(own, () -> {
			String[] others = SERVICES.values()
				.stream()
				.filter((other) -> !other.equals(own))
				.map((p) -> p + "..")
				.toArray(String[]::new);
			noClasses().that()
				.resideInAPackage(own + "..")
				.should()
				.dependOnClassesThat()
				.resideInAnyPackage(others)
				.check(services);
		}));
	}

	@Test
	void aControllerNeverTouchesTheStoreDirectly() {
		noClasses().that()
			.areAnnotatedWith("org.springframework.web.bind.annotation.RestController")
			.should()
			.dependOnClassesThat(storeInternals())
			.check(services);
	}

	@Test
	void thePlatformNeverImportsAService() {
		noClasses().that()
			.resideInAPackage("hub.ameen.platform..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(SERVICES.values().stream().map((p) -> p + "..").toArray(String[]::new))
			.check(platform);
	}

	@Test
	void everyModuleWasImported() {
		SERVICES.values().forEach((own) -> assertThat(services.containPackage(own)).as(own).isTrue());
		assertThat(platform.containPackage("hub.ameen.platform.events")).isTrue();
	}

	private static DescribedPredicate<JavaClass> storeInternals() {
		return DescribedPredicate.describe("the store or its transactions",
				(javaClass) -> STORE_INTERNALS.contains(javaClass.getName()));
	}

	private static JavaClasses importFrom(List<Path> modules) {
		List<Path> classes = modules.stream().map((module) -> module.resolve("target/classes")).toList();
		classes.forEach((dir) -> assertThat(hasClasses(dir))
			.as(dir + " holds no compiled classes; compile every module first (./mvnw verify does)")
			.isTrue());
		return new ClassFileImporter().importPaths(classes);
	}

	private static boolean hasClasses(Path dir) {
		if (!Files.isDirectory(dir)) {
			return false;
		}
		try (Stream<Path> files = Files.walk(dir)) {
			return files.anyMatch((file) -> file.toString().endsWith(".class"));
		}
		catch (IOException ex) {
			return false;
		}
	}

}
