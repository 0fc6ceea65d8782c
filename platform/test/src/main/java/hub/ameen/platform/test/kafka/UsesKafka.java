package hub.ameen.platform.test.kafka;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Points a Spring test context at the {@link SharedKafka shared broker}: sets
 * {@code spring.kafka.bootstrap-servers} (over any other value) and turns Kafka's own
 * loggers down to WARN.
 * <p>
 * To keep a test JVM quiet outside Spring contexts too, include the shipped fragment in
 * {@code src/test/resources/logback-test.xml}: <pre>
 * &lt;configuration&gt;
 *   &lt;include resource="org/springframework/boot/logging/logback/base.xml"/&gt;
 *   &lt;include resource="hub/ameen/platform/test/logback-kafka-quiet.xml"/&gt;
 * &lt;/configuration&gt;
 * </pre>
 *
 * @author Ameen Hub
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@TestPropertySource(properties = { "logging.level.kafka=WARN", "logging.level.org.apache.kafka=WARN",
		"logging.level.state.change.logger=WARN" })
public @interface UsesKafka {

}
