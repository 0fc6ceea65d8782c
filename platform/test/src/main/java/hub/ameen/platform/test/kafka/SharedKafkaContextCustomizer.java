package hub.ameen.platform.test.kafka;

import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Adds {@code spring.kafka.bootstrap-servers} of the shared broker, starting it if
 * needed, as the environment's first property source.
 *
 * @author Ameen Hub
 */
class SharedKafkaContextCustomizer implements ContextCustomizer {

	static final String PROPERTY_SOURCE_NAME = "sharedKafka";

	@Override
	public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
		Map<String, Object> properties = Map.of("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE_NAME, properties));
	}

	@Override
	public boolean equals(Object other) {
		return other != null && other.getClass() == getClass();
	}

	@Override
	public int hashCode() {
		return getClass().hashCode();
	}

}
