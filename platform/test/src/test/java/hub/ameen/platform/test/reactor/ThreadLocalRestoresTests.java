package hub.ameen.platform.test.reactor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadLocalRestoresTests {

	@RegisterExtension
	final ThreadLocalRestores restores = new ThreadLocalRestores();

	@Test
	void aHandleOperatorIsCountedAMapIsNot() {
		Mono.just(1).map((n) -> n + 1).contextWrite(this.restores.context()).block();
		assertThat(this.restores.count()).isZero();
		Mono.just(1).mapNotNull((n) -> n + 1).contextWrite(this.restores.context()).block();
		assertThat(this.restores.count()).isPositive();
	}

	@Test
	void withoutItsContextNothingIsCounted() {
		Mono.just(1).mapNotNull((n) -> n + 1).block();
		assertThat(this.restores.count()).isZero();
	}

}
