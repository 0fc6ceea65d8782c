package hub.ameen.platform.security;

import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The paths that need no token, answered in one loop over their patterns.
 * <p>
 * It answers as {@code ServerWebExchangeMatchers.pathMatchers(patterns)} does (each
 * pattern parsed the same way, matched against the path within the application, any
 * method), but that matcher is a reactive {@code Or} of one matcher per pattern: for each
 * request and each pattern a {@code Mono} with its operators, a fresh copy of the request
 * from the strict firewall, and two debug-level checks, all of it twice a request (the
 * bearer token's converter and the authorization rule both ask). The gateway has some
 * twenty public paths, so that was some forty matchers a proxied call (decision 0007).
 */
final class PublicPaths implements ServerWebExchangeMatcher {

	private static final Mono<MatchResult> MATCH = MatchResult.match();

	private static final Mono<MatchResult> NO_MATCH = MatchResult.notMatch();

	private final PathPattern[] patterns;

	PublicPaths(List<String> patterns) {
		PathPatternParser parser = PathPatternParser.defaultInstance;
		this.patterns = patterns.stream()
			.map((pattern) -> parser.parse(parser.initFullPathPattern(pattern)))
			.toArray(PathPattern[]::new);
	}

	/**
	 * Whether the request's path is one of the public ones.
	 * @param exchange the request
	 * @return {@code true} when a pattern matches its path within the application
	 */
	boolean isPublic(ServerWebExchange exchange) {
		PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
		for (PathPattern pattern : this.patterns) {
			if (pattern.matches(path)) {
				return true;
			}
		}
		return false;
	}

	@Override
	public Mono<MatchResult> matches(ServerWebExchange exchange) {
		return isPublic(exchange) ? MATCH : NO_MATCH;
	}

	@Override
	public String toString() {
		return "PublicPaths" + List.of(this.patterns);
	}

}
