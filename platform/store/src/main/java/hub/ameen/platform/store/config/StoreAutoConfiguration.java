package hub.ameen.platform.store.config;

import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.StoreOptions;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Opens the service's store at {@code hub.store.path} and closes it on shutdown, after
 * everything that writes to it has stopped.
 */
@AutoConfiguration
@ConditionalOnProperty("hub.store.path")
@EnableConfigurationProperties(StoreProperties.class)
public class StoreAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	Store store(StoreProperties properties) {
		return Store.open(
				new StoreOptions(properties.path(), properties.initialMapSize().toBytes(), 128, properties.maxBatch()));
	}

}
