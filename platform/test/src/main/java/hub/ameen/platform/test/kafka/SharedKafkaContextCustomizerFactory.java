package hub.ameen.platform.test.kafka;

import java.util.List;

import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Registered in {@code META-INF/spring.factories}: every test class annotated (directly,
 * or on a superclass) with {@link UsesKafka} gets the same customizer, so the contexts
 * stay cacheable. (Not {@code @ContextCustomizerFactories} on the annotation: two such
 * annotations on one class would hide each other.)
 *
 * @author Ameen Hub
 */
class SharedKafkaContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, UsesKafka.class) ? new SharedKafkaContextCustomizer()
				: null;
	}

}
