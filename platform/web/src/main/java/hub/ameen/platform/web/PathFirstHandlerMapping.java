package hub.ameen.platform.web;

import java.lang.reflect.Method;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.server.PathContainer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring's mapping of requests to {@code @RequestMapping} methods, evaluating only the
 * mappings whose path could match.
 * <p>
 * A request whose path has a variable in it ({@code /api/crm/contacts/{id}}, most of
 * them) has no direct-path match, so Spring evaluates every mapping of the service: its
 * method, parameters, headers, content type, accepted types, version, and only then its
 * path. In crm-service (~50 mappings) that was 8 % of the CPU samples of a contact by id.
 * Here each mapping's patterns are indexed by the literal segments they start with
 * ({@code api}, {@code crm}, {@code contacts} for the one above); a request's path walks
 * that index once, and a mapping the path could not match is rejected without evaluating
 * anything: one whose literal segments the path does not have, or one that ends where the
 * path goes on. The rest are evaluated by Spring whole (four for a contact by id), so the
 * matches found are Spring's, as are the answers when there is none (404, 405, 406, 415:
 * Spring works those out over every mapping again). Decision 0007, twentieth round.
 */
public class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

	/**
	 * Segments the index keys on: compared as they are with a path's decoded segments.
	 */
	private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~-]+");

	/** The mappings that can match the path of the request looked up on this thread. */
	private static final ThreadLocal<Set<RequestMappingInfo>> CANDIDATES = new ThreadLocal<>();

	/** Built on first use, and again after a mapping is added or removed. */
	private volatile @Nullable Node index;

	@Override
	protected @Nullable HandlerMethod lookupHandlerMethod(ServerWebExchange exchange) throws Exception {
		Node index = index();
		if (index == null) {
			return super.lookupHandlerMethod(exchange);
		}
		CANDIDATES.set(index.candidates(exchange.getRequest().getPath().pathWithinApplication()));
		try {
			return super.lookupHandlerMethod(exchange);
		}
		finally {
			CANDIDATES.remove();
		}
	}

	@Override
	protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, ServerWebExchange exchange) {
		Set<RequestMappingInfo> candidates = CANDIDATES.get();
		if (candidates != null && !candidates.contains(info)) {
			return null;
		}
		return super.getMatchingMapping(info, exchange);
	}

	@Override
	public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
		super.registerMapping(mapping, handler, method);
		this.index = null;
	}

	@Override
	protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
		super.registerHandlerMethod(handler, method, mapping);
		this.index = null;
	}

	@Override
	public void unregisterMapping(RequestMappingInfo mapping) {
		super.unregisterMapping(mapping);
		this.index = null;
	}

	private @Nullable Node index() {
		Node index = this.index;
		if (index == null && getPathPatternParser().isCaseSensitive()) {
			index = new Node(Collections.emptySet());
			for (RequestMappingInfo info : getHandlerMethods().keySet()) {
				for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
					// "/api/crm/contacts/{id}": "", "api", "crm", "contacts", "{id}"
					String[] segments = pattern.getPatternString().split("/");
					index.add(info, segments, (segments.length > 0 && segments[0].isEmpty()) ? 1 : 0);
				}
			}
			this.index = index;
		}
		return index;
	}

	/** A node for the literal segments on the way to it from the index's root. */
	private static final class Node {

		private final Map<String, Node> children = new HashMap<>();

		/**
		 * What a path going on below this node could match: patterns with a variable here
		 * or above.
		 */
		private final Set<RequestMappingInfo> below = Collections.newSetFromMap(new IdentityHashMap<>());

		/**
		 * What a path ending at this node could match: those, and the patterns ending
		 * here.
		 */
		private final Set<RequestMappingInfo> here = Collections.newSetFromMap(new IdentityHashMap<>());

		Node(Set<RequestMappingInfo> above) {
			this.below.addAll(above);
			this.here.addAll(above);
		}

		/**
		 * Adds a mapping under its pattern's literal segments, from the one at
		 * {@code next} on.
		 */
		void add(RequestMappingInfo info, String[] segments, int next) {
			if (next == segments.length) {
				this.here.add(info);
			}
			else if (LITERAL.matcher(segments[next]).matches()) {
				this.children.computeIfAbsent(segments[next], (segment) -> new Node(this.below))
					.add(info, segments, next + 1);
			}
			else {
				// a variable, a wildcard or an empty segment: any path here or below
				addHereAndBelow(info);
			}
		}

		private void addHereAndBelow(RequestMappingInfo info) {
			this.below.add(info);
			this.here.add(info);
			this.children.values().forEach((child) -> child.addHereAndBelow(info));
		}

		Set<RequestMappingInfo> candidates(PathContainer path) {
			Node node = this;
			List<PathContainer.Element> elements = path.elements();
			for (int i = 0; i < elements.size(); i++) {
				if (elements.get(i) instanceof PathContainer.PathSegment segment) {
					Node child = node.children.get(segment.valueToMatch());
					if (child == null) {
						return endsAt(elements, i) ? node.here : node.below;
					}
					node = child;
				}
			}
			return node.here;
		}

		/**
		 * Whether the path has no segment from this element on but empty ones (a trailing
		 * slash, say).
		 */
		private static boolean endsAt(List<PathContainer.Element> elements, int from) {
			for (int i = from; i < elements.size(); i++) {
				if (elements.get(i) instanceof PathContainer.PathSegment segment && !segment.valueToMatch().isEmpty()) {
					return false;
				}
			}
			return true;
		}

	}

}
