package hub.ameen.platform.web;

import java.time.Instant;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebFluxRegistrations;
import org.springframework.boot.webflux.autoconfigure.error.ErrorWebFluxAutoConfiguration;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.annotation.Order;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.module.SimpleModule;

/**
 * Problem details for every error, request ids and the body size limit, for any reactive
 * web application that has this jar; also the actuator settings every service shares
 * ({@code web-defaults.properties}: health probes, Prometheus, the application tag).
 */
@AutoConfiguration(before = { ErrorWebFluxAutoConfiguration.class, WebFluxAutoConfiguration.class })
@ConditionalOnWebApplication(type = Type.REACTIVE)
@EnableConfigurationProperties(HubWebProperties.class)
@PropertySource("classpath:hub/ameen/platform/web/web-defaults.properties")
public class PlatformWebAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProblemResponses problemResponses(ServerCodecConfigurer codecs) {
		return new ProblemResponses(codecs);
	}

	@Bean
	ProblemDetailsHandler hubProblemDetailsHandler() {
		return new ProblemDetailsHandler();
	}

	@Bean
	@Order(-2)
	ErrorWebExceptionHandler hubErrorWebExceptionHandler(ProblemDetailsHandler handler, ProblemResponses responses) {
		return new ProblemErrorWebExceptionHandler(handler, responses);
	}

	/** A client's going away, signalled after its request ended, is no error line. */
	@Bean
	DroppedErrors hubDroppedErrors() {
		return new DroppedErrors();
	}

	/** Works around reactor/reactor-netty#4361: see {@link ReadRearmingCustomizer}. */
	@Bean
	@ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
	ReadRearmingCustomizer hubReadRearmingCustomizer() {
		return new ReadRearmingCustomizer();
	}

	/**
	 * Stops the work-around's reads while a connection carries an event stream: see
	 * {@link EventStreamReadPauseFilter}.
	 */
	@Bean
	@ConditionalOnClass(name = "reactor.netty.http.server.HttpServer")
	EventStreamReadPauseFilter hubEventStreamReadPauseFilter() {
		return new EventStreamReadPauseFilter();
	}

	@Bean
	RequestIdFilter hubRequestIdFilter() {
		return new RequestIdFilter();
	}

	@Bean
	BodySizeLimitFilter hubBodySizeLimitFilter(HubWebProperties properties) {
		return new BodySizeLimitFilter(properties.maxBodySize());
	}

	/**
	 * Requests matched to handler methods on their path first: see
	 * {@link PathFirstHandlerMapping}.
	 */
	@Bean
	@ConditionalOnMissingBean
	WebFluxRegistrations hubWebFluxRegistrations() {
		return new WebFluxRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}
		};
	}

	/**
	 * The actuator's endpoints are looked up after the service's own API, not before it
	 * (Boot orders them first): a request to the API is answered by the API's mapping
	 * without first evaluating every actuator mapping against it (3 % of crm-service's
	 * CPU samples for a contact by id, decision 0007, twentieth round). An actuator path
	 * is matched by none of the API's mappings, so it reaches the actuator as before.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "org.springframework.boot.actuate.endpoint.web.WebEndpointsSupplier",
			ActuatorMappingOrder.ACTUATOR_MAPPING })
	static class ActuatorMappingOrder {

		static final String ACTUATOR_MAPPING = "org.springframework.boot.webflux.actuate.endpoint.web.AbstractWebFluxEndpointHandlerMapping";

		/** Right after Spring's mapping of {@code @RequestMapping} methods (0). */
		static final int ACTUATOR_ORDER = 1;

		@Bean
		static BeanPostProcessor hubActuatorMappingAfterTheApi() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessBeforeInitialization(Object bean, String name) {
					if (bean instanceof AbstractWebFluxEndpointHandlerMapping mapping) {
						mapping.setOrder(ACTUATOR_ORDER);
					}
					return bean;
				}
			};
		}

	}

	@Bean
	RequestTargetLimitFilter hubRequestTargetLimitFilter(HubWebProperties properties) {
		return new RequestTargetLimitFilter(properties.maxRequestTarget());
	}

	/**
	 * Every JSON string read into a request record must be well-formed Unicode; Boot's
	 * Jackson auto-configuration registers this module with the mapper the codecs use.
	 */
	@Bean
	JacksonModule hubWellFormedStringsModule() {
		return new SimpleModule("hub-well-formed-strings").addDeserializer(String.class,
				new WellFormedStringDeserializer());
	}

	/**
	 * Instants in the form they are written in read without {@code DateTimeFormatter}:
	 * see {@link IsoInstantDeserializer}. For the stores' records and request bodies
	 * alike.
	 */
	@Bean
	JacksonModule hubIsoInstantsModule() {
		return new SimpleModule("hub-iso-instants").addDeserializer(Instant.class, new IsoInstantDeserializer());
	}

	/**
	 * Let JSON bodies up to the body limit decode; runs before Boot's own customizer so
	 * that an explicit {@code spring.http.codecs.max-in-memory-size} still wins.
	 */
	@Bean
	@Order(-1)
	CodecCustomizer hubMaxInMemorySizeCodecCustomizer(HubWebProperties properties) {
		return (configurer) -> configurer.defaultCodecs().maxInMemorySize((int) properties.maxBodySize().toBytes());
	}

}
