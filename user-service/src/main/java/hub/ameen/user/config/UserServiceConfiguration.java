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

}
