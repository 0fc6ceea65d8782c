package hub.ameen.platform.web.memory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Every service gives back the heap a burst grew once it is quiet again
 * ({@link hub.ameen.platform.jvm.HeapGiveBack});
 * {@code hub.memory.give-back.quiet-period=0} turns it off. The bean exists whatever the
 * settings (no condition on them), so that a service built with Spring AOT, whose
 * conditions are decided at build time, takes the settings it runs with.
 */
@AutoConfiguration
@EnableConfigurationProperties(HeapGiveBackProperties.class)
public class HeapGiveBackAutoConfiguration {

	@Bean
	HeapGiveBackLifecycle hubHeapGiveBack(HeapGiveBackProperties properties) {
		return new HeapGiveBackLifecycle(properties);
	}

}
