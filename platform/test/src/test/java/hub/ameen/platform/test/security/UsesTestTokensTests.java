package hub.ameen.platform.test.security;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(UsesTestTokensTests.Config.class)
@UsesTestTokens
class UsesTestTokensTests {

	@Autowired
	Environment environment;

	@Test
	void jwksUriPointsAtTheSharedKey() {
		assertThat(this.environment.getProperty("hub.security.jwks-uri")).isEqualTo(TestTokens.shared().jwksUri());
	}

	@Configuration
	static class Config {

	}

}
