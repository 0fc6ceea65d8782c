package hub.ameen.platform.web.logging;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.slf4j.LoggerFactory;

/**
 * The {@link LogFactory} Spring's own logging goes through (Commons Logging), found by
 * its {@code META-INF/services} entry: SLF4J loggers that build a message only when its
 * level is on.
 * <p>
 * Commons Logging's own SLF4J bridge turns every message into text before SLF4J checks
 * the level, and Spring Security logs its matchers at debug on every request with
 * messages built lazily for exactly that check: a request to crm-service built some 9 KB
 * of debug text for nothing, ~3 % of its CPU (decision 0007).
 */
public final class LevelCheckingLogFactory extends LogFactory {

	private final Map<String, Log> logs = new ConcurrentHashMap<>();

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> type) {
		return getInstance(type.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, (key) -> new LevelCheckingLog(LoggerFactory.getLogger(key)));
	}

	@Override
	public Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(String[]::new);
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	@Override
	public void release() {
		this.logs.clear();
	}

}
