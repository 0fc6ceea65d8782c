package hub.ameen.platform.files;

import java.time.Clock;

import hub.ameen.platform.events.EventsAutoConfiguration;
import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.events.Topics;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * A service with a store and an outbox gains {@link Attachments} (files under
 * {@code uploads/} beside its store), the hourly {@link FilesCleanup} and the files
 * topic.
 */
@AutoConfiguration(after = { StoreAutoConfiguration.class, EventsAutoConfiguration.class })
@ConditionalOnBean({ Store.class, Outbox.class })
@EnableConfigurationProperties(FilesProperties.class)
public class FilesAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Attachments attachments(Store store, Outbox outbox, ObjectProvider<JsonMapper> json, FilesProperties properties,
			ObjectProvider<Clock> clock) {
		return new Attachments(store, outbox, json.getIfAvailable(() -> JsonMapper.builder().build()), properties,
				clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	@ConditionalOnMissingBean
	FilesCleanup filesCleanup(Attachments attachments, FilesProperties properties, ObjectProvider<Clock> clock) {
		return new FilesCleanup(attachments, properties, clock.getIfAvailable(Clock::systemUTC));
	}

	@Bean
	KafkaAdmin.NewTopics fileTopics() {
		return Topics.declare(Topics.FILE);
	}

}
