package hub.ameen.gateway.forwarding;

import hub.ameen.platform.web.RequestIdFilter;

import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;

/**
 * Drops the {@code X-Request-Id} a service answers with: the gateway already answers with
 * its own id ({@link RequestIdFilter}), which it gave the service
 * ({@link ClientAddressHeadersFilter}), so the client would read the same id twice.
 */
public class ServiceRequestIdHeaderFilter implements HttpHeadersFilter {

	@Override
	public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
		if (!input.containsHeader(RequestIdFilter.HEADER)) {
			return input;
		}
		HttpHeaders output = HttpHeaders.copyOf(input);
		output.remove(RequestIdFilter.HEADER);
		return output;
	}

	@Override
	public boolean supports(Type type) {
		return type == Type.RESPONSE;
	}

}
