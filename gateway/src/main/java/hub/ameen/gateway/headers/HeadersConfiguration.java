package hub.ameen.gateway.headers;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsWebFilter;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class HeadersConfiguration {

	@Bean
	SecurityHeadersFilter securityHeadersFilter(HeadersProperties properties) {
		return new SecurityHeadersFilter(properties.security());
	}

	/**
	 * CORS for {@code /api/**}, only when origins are configured. Without, there is no
	 * CORS at all: a browser never lets another origin's page read an answer. The filter
	 * is there either way, not by a condition: Spring AOT works the gateway's bean
	 * definitions out at build time, and a condition would be fixed at the build's
	 * setting (decision 0007).
	 */
	@Bean
	CrossOriginFilter crossOriginFilter(HeadersProperties properties) {
		List<String> origins = properties.cors().origins();
		if (origins.isEmpty()) {
			return CrossOriginFilter.none();
		}
		CorsConfiguration cors = new CorsConfiguration();
		cors.setAllowedOrigins(origins);
		cors.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
		cors.setAllowedHeaders(List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.CONTENT_TYPE, HttpHeaders.IF_NONE_MATCH,
				HttpHeaders.IF_MATCH, "Last-Event-ID", "X-Request-Id"));
		cors.setExposedHeaders(List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG, HttpHeaders.RETRY_AFTER,
				HttpHeaders.CONTENT_DISPOSITION, "X-Request-Id"));
		// bearer tokens, never cookies
		cors.setAllowCredentials(false);
		cors.setMaxAge(properties.cors().maxAge());
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration("/api/**", cors);
		return new CrossOriginFilter(new CorsWebFilter(source));
	}

}
