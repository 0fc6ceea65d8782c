package hub.ameen.platform.web;

import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Rejects request bodies over the limit with 413: at once when {@code Content-Length}
 * says so, and while streaming when a chunked body grows past it.
 */
class BodySizeLimitFilter implements WebFilter, Ordered {

	private final long maxBytes;

	private final String detail;

	BodySizeLimitFilter(DataSize maxBodySize) {
		this.maxBytes = maxBodySize.toBytes();
		this.detail = "The request body is larger than " + maxBodySize.toMegabytes() + " MB";
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > this.maxBytes) {
			return Mono.error(tooLarge());
		}
		return chain.filter(exchange.mutate().request(new Limited(exchange.getRequest())).build());
	}

	private ResponseStatusException tooLarge() {
		return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, this.detail);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 10;
	}

	private final class Limited extends ServerHttpRequestDecorator {

		Limited(ServerHttpRequest delegate) {
			super(delegate);
		}

		@Override
		public Flux<DataBuffer> getBody() {
			AtomicLong seen = new AtomicLong();
			return super.getBody().handle((buffer, sink) -> {
				if (seen.addAndGet(buffer.readableByteCount()) > BodySizeLimitFilter.this.maxBytes) {
					DataBufferUtils.release(buffer);
					sink.error(tooLarge());
				}
				else {
					sink.next(buffer);
				}
			});
		}

	}

}
