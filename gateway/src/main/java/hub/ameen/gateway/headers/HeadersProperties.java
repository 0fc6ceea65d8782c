package hub.ameen.gateway.headers;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response headers the gateway sets ({@code hub.gateway.headers}).
 *
 * @param security header name to value, set on every response that does not carry the
 * header already (the Nginx edge sets the same ones and hides these)
 * @param cors the origins allowed to call {@code /api/**} from a browser page of their
 * own
 */
@ConfigurationProperties("hub.gateway.headers")
public record HeadersProperties(@DefaultValue Map<String, String> security, @DefaultValue Cors cors) {

	/**
	 * Cross-origin calls: none unless origins are listed.
	 *
	 * @param allowedOrigins exact origins such as {@code https://app.example.com}
	 * @param maxAge how long a browser may keep a preflight's answer
	 */
	public record Cors(@DefaultValue List<String> allowedOrigins, @DefaultValue("1h") Duration maxAge) {

		/** The listed origins, blanks (an empty environment variable) left out. */
		List<String> origins() {
			return this.allowedOrigins.stream().map(String::trim).filter((origin) -> !origin.isEmpty()).toList();
		}

	}

}
