package hub.ameen.platform.test.kafka;

import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UsesKafka} on a Spring Boot test context.
 *
 * @author Ameen Hub
 */
@UsesKafka
@SpringBootTest(classes = UsesKafkaTests.TestApplication.class,
		properties = "spring.kafka.bootstrap-servers=localhost:1")
class UsesKafkaTests {

	@Autowired
	Environment environment;

	@Test
	void bootstrapServersPointAtTheSharedBrokerOverAnyOtherValue() throws Exception {
		String bootstrapServers = this.environment.getProperty("spring.kafka.bootstrap-servers");

		assertThat(bootstrapServers).isEqualTo(SharedKafka.bootstrapServers());
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
			assertThat(admin.describeCluster().nodes().get()).hasSize(1);
		}
	}

	@Test
	void kafkaLoggersAreTurnedDownToWarn() {
		assertThat(this.environment.getProperty("logging.level.kafka")).isEqualTo("WARN");
		assertThat(this.environment.getProperty("logging.level.org.apache.kafka")).isEqualTo("WARN");
		assertThat(this.environment.getProperty("logging.level.state.change.logger")).isEqualTo("WARN");
	}

	@SpringBootConfiguration
	static class TestApplication {

	}

}
