package hub.ameen.platform.test.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Compares a running service's controllers with its OpenAPI document: every mapping of a
 * {@code hub.ameen} controller (each path and method) must be in {@code /v3/api-docs},
 * and one guarded by {@code @PreAuthorize} must name its permissions
 * ({@code x-permissions}), so that no endpoint ships undocumented.
 */
public final class ApiDocsCoverage {

	private ApiDocsCoverage() {
	}

	/**
	 * What the document lacks, as {@code "GET /api/crm/contacts/{id}: …"}, sorted; empty
	 * when every mapping is documented with its permissions and the document is OpenAPI
	 * 3.1.
	 * @param context the service's application context
	 * @param client a client bound to the running service
	 * @return the findings
	 */
	public static List<String> gaps(ApplicationContext context, WebTestClient client) {
		byte[] body = client.get()
			.uri("/v3/api-docs")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseBody();
		JsonNode document = JsonMapper.builder().build().readTree(body);
		TreeSet<String> gaps = new TreeSet<>();
		if (!document.path("openapi").asString("").startsWith("3.1")) {
			gaps.add("the document is OpenAPI " + document.path("openapi").asString("?") + ", not 3.1");
		}
		List<Mapping> mappings = mappings(context);
		if (mappings.isEmpty()) {
			gaps.add("no controller mappings found to compare with the document");
		}
		for (Mapping mapping : mappings) {
			JsonNode operation = document.path("paths")
				.path(mapping.path())
				.path(mapping.method().toLowerCase(Locale.ROOT));
			if (operation.isMissingNode()) {
				gaps.add(mapping + ": not in the document");
			}
			else if (mapping.guarded() && operation.path("x-permissions").isEmpty()) {
				gaps.add(mapping + ": guarded, but the document names no permission");
			}
		}
		return new ArrayList<>(gaps);
	}

	/** Every method and path pattern of the service's own controllers. */
	static List<Mapping> mappings(ApplicationContext context) {
		List<Mapping> mappings = new ArrayList<>();
		for (RequestMappingHandlerMapping handlerMapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
			.values()) {
			for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : handlerMapping.getHandlerMethods().entrySet()) {
				HandlerMethod handler = entry.getValue();
				if (!handler.getBeanType().getName().startsWith("hub.ameen.")) {
					continue;
				}
				boolean guarded = namesAPermission(handler);
				var methods = entry.getKey().getMethodsCondition().getMethods();
				for (PathPattern pattern : entry.getKey().getPatternsCondition().getPatterns()) {
					// the document names a variable without its regex: {id:[^/]+} is {id}
					String path = pattern.getPatternString().replaceAll("\\{(\\w+):[^{}]*}", "{$1}");
					if (methods.isEmpty()) {
						mappings.add(new Mapping("GET", path, guarded));
					}
					methods.forEach((method) -> mappings.add(new Mapping(method.name(), path, guarded)));
				}
			}
		}
		return mappings;
	}

	/**
	 * Whether the handler's (or its class's) {@code @PreAuthorize} names an authority.
	 */
	private static boolean namesAPermission(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		return rule != null && rule.value().contains("Authority(");
	}

	record Mapping(String method, String path, boolean guarded) {

		@Override
		public String toString() {
			return this.method + " " + this.path;
		}

	}

}
