package hub.ameen.user.bootstrap;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The first-run admin: {@code HUB_ADMIN_EMAIL} and {@code HUB_ADMIN_PASSWORD} (generated
 * when not set).
 *
 * @param email the admin's sign-in email
 * @param password the admin's initial password, or null to generate one
 */
@Validated
@ConfigurationProperties("hub.admin")
record AdminProperties(@DefaultValue("admin@hub.local") @NotBlank @Email String email, String password) {

	@Override
	public String toString() {
		return "AdminProperties[email=" + this.email + ", password=***]";
	}

}
