package hub.ameen.platform.test;

import hub.ameen.platform.test.kafka.SharedKafka;
import hub.ameen.platform.test.kafka.UsesKafka;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service test usually wants the broker and the tokens at once, often through a shared
 * superclass: both annotations must take effect together.
 */
class BothAnnotationsTests {

	@Configuration
	static class Empty {

	}

	@UsesKafka
	@UsesTestTokens
	abstract static class Support {

	}

	@SpringJUnitConfig(Empty.class)
	@org.junit.jupiter.api.Nested
	class Inherited extends Support {

		@Autowired
		Environment environment;

		@Test
		void bothPropertiesAreSet() {
			assertThat(this.environment.getProperty("spring.kafka.bootstrap-servers"))
				.isEqualTo(SharedKafka.bootstrapServers());
			assertThat(this.environment.getProperty(TestTokens.JWKS_URI_PROPERTY))
				.isEqualTo(TestTokens.shared().jwksUri());
		}

	}

}
