package hub.ameen.auth.key;

import hub.ameen.platform.security.Permissions;
import java.time.Duration;
import java.util.Map;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The public JWK set, and key rotation for administrators.
 */
@RestController
@RequestMapping("/api/auth")
class KeyController {

	/**
	 * Short enough that resource servers see a new key soon; they refetch on an unknown
	 * kid anyway.
	 */
	private static final CacheControl JWKS_CACHE = CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic();

	private final SigningKeys keys;

	KeyController(SigningKeys keys) {
		this.keys = keys;
	}

	@GetMapping(path = "/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().cacheControl(JWKS_CACHE).body(this.keys.publicKeys().toJSONObject(true));
	}

	@GetMapping("/keys")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Flux<KeyInfo> keys() {
		return Flux.defer(() -> Flux.fromIterable(this.keys.describe()));
	}

	@PostMapping("/keys/rotate")
	@PreAuthorize(Permissions.HAS_USERS_ADMIN)
	Mono<KeyInfo> rotate() {
		return this.keys.rotate();
	}

}
