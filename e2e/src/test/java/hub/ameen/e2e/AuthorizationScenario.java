package hub.ameen.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import hub.ameen.e2e.Cast.Actor;
import hub.ameen.e2e.Endpoints.Endpoint;

/**
 * Every endpoint of {@link Endpoints} called by every {@link Actor} through the gateway,
 * including another member's task, event, notification and profile (IDOR): each answer
 * must be the one the table expects. Returns what failed, so that one run names all.
 */
final class AuthorizationScenario {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final Cast cast;

	private final Fixtures fixtures;

	private int checks;

	AuthorizationScenario(Cast cast, Fixtures fixtures) {
		this.cast = cast;
		this.fixtures = fixtures;
	}

	/** Each failed check, as request, expectation and answer. */
	List<String> everyEndpointAnswersEachActorAsTheRulesSay() {
		List<String> failures = new ArrayList<>();
		for (Endpoint endpoint : Endpoints.ALL) {
			for (Actor actor : Actor.values()) {
				String failure = check(endpoint, actor);
				this.checks++;
				if (failure != null) {
					failures.add(failure);
				}
			}
		}
		return failures;
	}

	int checks() {
		return this.checks;
	}

	private String check(Endpoint endpoint, Actor actor) {
		char expect = endpoint.expect(actor);
		boolean write = !endpoint.method().equals("GET");
		Map<String, String> bound = new HashMap<>();
		List<String> call = this.fixtures.resolve(actor, write, bound, endpoint.path(), endpoint.body(),
				endpoint.hides());
		String bearer = this.cast.token(actor);
		Api.Response response = endpoint.isStream() ? this.cast.gateway().open(call.get(0), bearer, TIMEOUT)
				: this.cast.gateway().call(endpoint.call(call.get(0), call.get(1), bearer), TIMEOUT);
		if (meets(expect, response, call.get(2))) {
			return null;
		}
		return actor + " " + endpoint.method() + " " + call.get(0) + " expected " + describe(expect)
				+ ((call.get(2) != null) ? " (hides " + call.get(2) + ")" : "") + " got " + response;
	}

	private static boolean meets(char expect, Api.Response response, String hidden) {
		int status = response.status();
		return switch (expect) {
			case 'o' -> response.ok();
			case 'u' -> status == 401;
			case 'd' -> status == 403 || status == 404;
			case 'b' -> status == 400;
			case 'h' -> response.ok() && !response.body().contains(hidden);
			default -> throw new IllegalArgumentException("unknown expectation " + expect);
		};
	}

	private static String describe(char expect) {
		return switch (expect) {
			case 'o' -> "2xx";
			case 'u' -> "401";
			case 'd' -> "403/404";
			case 'b' -> "400";
			case 'h' -> "2xx without the owner's resource";
			default -> String.valueOf(expect);
		};
	}

}
