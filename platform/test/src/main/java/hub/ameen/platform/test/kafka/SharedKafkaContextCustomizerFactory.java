package hub.ameen.platform.test.kafka;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;

/**
 * Registered by {@link UsesKafka}: every annotated test class gets the same customizer,
 * so the contexts stay cacheable.
 *
 * @author Ameen Hub
 */
class SharedKafkaContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return new SharedKafkaContextCustomizer();
	}

}
