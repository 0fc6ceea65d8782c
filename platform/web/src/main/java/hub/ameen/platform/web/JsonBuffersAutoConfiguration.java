package hub.ameen.platform.web;

import java.util.List;

import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.JsonRecyclerPools;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;

/**
 * The JSON mapper as Spring Boot builds it (every {@link JsonMapperBuilderCustomizer}
 * applied), over a factory that keeps its buffers per thread.
 * <p>
 * Jackson 3's default pool hands each user a buffer set and takes it back when it is
 * released; WebFlux's encoder takes one for its output and never gives it back, so the
 * pool never had a used set to hand out: every JSON response allocated a fresh 8 KB byte
 * buffer and 4 KB char buffer, 40 % of all the bytes crm-service allocated serving a
 * contact by id (decision 0007). Per thread, as Jackson 2 always did, the same few event
 * loop threads write every response with the same buffers.
 */
@AutoConfiguration(before = JacksonAutoConfiguration.class)
@ConditionalOnClass(JsonMapper.class)
public class JsonBuffersAutoConfiguration {

	@Bean
	@Scope("prototype")
	@ConditionalOnMissingBean
	JsonMapper.Builder jsonMapperBuilder(List<JsonMapperBuilderCustomizer> customizers) {
		JsonMapper.Builder builder = JsonMapper
			.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.threadLocalPool()).build());
		customizers.forEach((customizer) -> customizer.customize(builder));
		return builder;
	}

}
