package hub.ameen.gateway.ratelimit;

import java.time.Duration;

import hub.ameen.platform.web.ratelimit.RateLimit;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The gateway's rate limits ({@code hub.gateway.rate-limits}).
 *
 * @param apiPerUser every routed call of one signed-in user, all services together
 * @param signInPerAddress {@code POST /api/auth/login} per client address (the one
 * {@code hub.gateway.trusted-proxies} lets through)
 */
@Validated
@ConfigurationProperties("hub.gateway.rate-limits")
public record RateLimitProperties(@Valid @NotNull @DefaultValue( {
		"600", "30s" }) Limit apiPerUser, @Valid @NotNull @DefaultValue({ "20", "1m" }) Limit signInPerAddress){

	/**
	 * A bucket of {@code capacity} calls, filled again over {@code window}.
	 *
	 * @param capacity the burst allowed
	 * @param window how long a spent bucket takes to fill up again
	 */
	public record Limit(@Min(1) long capacity, @NotNull Duration window) {

		RateLimit named(String name) {
			return new RateLimit(name, this.capacity, this.window);
		}

	}

}
