package hub.ameen.platform.test.reactor;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.context.ContextRegistry;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import reactor.util.context.Context;

/**
 * Counts how often Reactor sets a thread-local from a subscriber's context: around every
 * {@code handle} and {@code tap} operator (and so every {@code mapNotNull}), each
 * thread-local that context-propagation knows is set and cleared again, which on a
 * request path is the observation's scope and the security context. A test registers this
 * extension, subscribes with {@link #context()} written into the subscriber's context,
 * and reads {@link #count()}: one per restore of this accessor, which Reactor restores
 * with the others. <pre>
 * &#64;RegisterExtension
 * final ThreadLocalRestores restores = new ThreadLocalRestores();
 * ...
 * mono.contextWrite(this.restores.context()).block();
 * assertThat(this.restores.count()).isZero();
 * </pre>
 */
public final class ThreadLocalRestores implements BeforeEachCallback, AfterEachCallback {

	private final String key = ThreadLocalRestores.class.getName() + "@" + System.identityHashCode(this);

	private final AtomicInteger restores = new AtomicInteger();

	@Override
	public void beforeEach(ExtensionContext extension) {
		this.restores.set(0);
		ContextRegistry.getInstance()
			.registerThreadLocalAccessor(this.key, () -> null, (value) -> this.restores.incrementAndGet(), () -> {
			});
	}

	@Override
	public void afterEach(ExtensionContext extension) {
		ContextRegistry.getInstance().removeThreadLocalAccessor(this.key);
	}

	/**
	 * A context that holds this accessor's value, for the subscriber's context.
	 * @return the context to write with {@code contextWrite}
	 */
	public Context context() {
		return Context.of(this.key, "the subscriber's");
	}

	/**
	 * How often Reactor set this accessor's thread-local since the test began.
	 * @return the number of restores
	 */
	public int count() {
		return this.restores.get();
	}

}
