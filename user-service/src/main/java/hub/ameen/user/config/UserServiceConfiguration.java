package hub.ameen.user.config;

import hub.ameen.platform.events.Topics;
import hub.ameen.platform.security.Passwords;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class UserServiceConfiguration {

	@Bean
	PasswordEncoder passwordEncoder() {
		return Passwords.encoder();
	}

	@Bean
	KafkaAdmin.NewTopics userTopics() {
		return Topics.declare(Topics.USER, Topics.ROLE, Topics.CREDENTIAL, Topics.SETTINGS);
	}

	/**
	 * The changelogs users, roles and the settings are rebuilt from; none for
	 * {@link Topics#CREDENTIAL}: password hashes stay off compacted topics.
	 */
	@Bean
	KafkaAdmin.NewTopics userChangelogs() {
		return Topics.declareChangelogs(Topics.USER_CHANGELOG, Topics.ROLE_CHANGELOG, Topics.SETTINGS_CHANGELOG);
	}

}
