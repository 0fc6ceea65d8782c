package hub.ameen.platform.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import hub.ameen.platform.web.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication.Type;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Each service's OpenAPI 3.1 document at {@code /v3/api-docs} (springdoc), written for
 * the teams who call it: every operation names the permissions it needs (from its
 * {@code @PreAuthorize}, as {@code x-permissions} and in its description), takes the
 * bearer token unless it is open, and lists the problem details it may answer
 * ({@code application/problem+json}, RFC 9457).
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = Type.REACTIVE)
@ConditionalOnClass(OperationCustomizer.class)
public class ApiDocsAutoConfiguration {

	/** Where each service serves its document; open, like the health endpoints. */
	public static final List<String> PATHS = List.of("/v3/api-docs", "/v3/api-docs/**");

	static final String BEARER = "bearer";

	static final String PROBLEM = "Problem";

	private static final Pattern AUTHORITY = Pattern.compile("'([a-z]+:[a-z-]+)'");

	@Bean
	OpenApiCustomizer hubApiDocument(@Value("${spring.application.name:service}") String service) {
		return (api) -> {
			api.info(new Info().title("Ameen Hub " + service)
				.version("v1")
				.description("Errors are RFC 9457 problem details (application/problem+json) whose `type` is a "
						+ ProblemTypes.BASE + "… URI."));
			// relative: "try it out" calls whoever served the document, the service or
			// the gateway
			api.servers(List.of(new Server().url("/")));
			Components components = (api.getComponents() != null) ? api.getComponents() : new Components();
			components.addSecuritySchemes(BEARER,
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("JWT")
						.description("An access token from POST /api/auth/login; its `perms` claim holds the "
								+ "permissions each operation names in x-permissions."));
			components.addSchemas(PROBLEM, problemSchema());
			api.components(components);
		};
	}

	@Bean
	OperationCustomizer hubPermissionsAndProblems() {
		return (operation, handler) -> {
			List<String> permissions = permissions(handler);
			if (!permissions.isEmpty()) {
				operation.addExtension("x-permissions", permissions);
				String needs = "Needs " + String.join(" or ", permissions) + ".";
				operation.setDescription(
						(operation.getDescription() != null) ? operation.getDescription() + "\n\n" + needs : needs);
				operation.addSecurityItem(new SecurityRequirement().addList(BEARER));
			}
			addProblems(operation, !permissions.isEmpty(), hasPathVariables(handler), hasInput(handler));
			return operation;
		};
	}

	/** The authorities named in the handler's (or its class's) {@code @PreAuthorize}. */
	static List<String> permissions(HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return List.of();
		}
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = AUTHORITY.matcher(rule.value());
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return new ArrayList<>(found);
	}

	private static boolean hasPathVariables(HandlerMethod handler) {
		for (var parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasInput(HandlerMethod handler) {
		return handler.getMethodParameters().length > 0;
	}

	private static void addProblems(Operation operation, boolean secured, boolean addressed, boolean input) {
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		if (input) {
			problem(responses, "400", "The input is malformed or breaks a rule; `errors` names each field");
		}
		if (secured) {
			problem(responses, "401", "No valid access token");
			problem(responses, "403", "The token lacks the permission, or the record is not the caller's");
		}
		if (addressed) {
			problem(responses, "404", "No such record (or one the caller may not see)");
		}
		problem(responses, "429", "Too many requests; `Retry-After` says when to try again");
		problem(responses, "503", "The service is unavailable or its store is full; try again shortly");
		operation.setResponses(responses);
	}

	private static void problem(ApiResponses responses, String status, String description) {
		if (!responses.containsKey(status)) {
			responses.addApiResponse(status,
					new ApiResponse().description(description)
						.content(new Content().addMediaType("application/problem+json",
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
		}
	}

	private static Schema<?> problemSchema() {
		ObjectSchema problem = new ObjectSchema();
		problem.description("An RFC 9457 problem detail");
		problem.addProperty("type", new Schema<String>().type("string").format("uri"));
		problem.addProperty("title", new Schema<String>().type("string"));
		problem.addProperty("status", new Schema<Integer>().type("integer"));
		problem.addProperty("detail", new Schema<String>().type("string"));
		problem.addProperty("instance", new Schema<String>().type("string"));
		problem.addProperty("requestId", new Schema<String>().type("string"));
		problem.addProperty("errors", new ObjectSchema().description("field name to the rules it breaks"));
		return problem;
	}

}
