package hub.ameen.gateway.connections;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import hub.ameen.gateway.forwarding.ProxiedHeadersFilter;
import hub.ameen.platform.web.ServerChannels;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.LoopResources;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.HttpClientProperties;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.web.server.ServerWebExchange;

/**
 * Spring Cloud Gateway's routing filter, with one connection pool per event loop: a call
 * read on a loop goes out on a connection of that same loop, and its answer is read and
 * written back there too.
 * <p>
 * With a single pool, an idle connection is lent to whichever loop asks, so a call read
 * on one loop usually went out on a connection of another: its request was handed to that
 * loop's thread, and its answer handed back, two thread hops (each a wake-up) on every
 * call (decision 0007, eighteenth round). Here each loop's client runs on that loop alone
 * ({@link HttpClient#runOn}), which Reactor Netty pools apart, since a client's loops are
 * part of its pool's key: a loop's pool only ever holds connections of that loop, and
 * {@code max-connections} bounds each loop's pool.
 * <p>
 * A call with no server connection under it (a mock's; never on a running gateway) goes
 * out on the shared client, as before.
 */
class LoopLocalRoutingFilter extends NettyRoutingFilter {

	private final HttpClient shared;

	private final Map<EventLoop, HttpClient> byLoop = new ConcurrentHashMap<>();

	private volatile List<HttpHeadersFilter> headersFilters;

	LoopLocalRoutingFilter(HttpClient httpClient, ObjectProvider<List<HttpHeadersFilter>> headersFilters,
			HttpClientProperties properties) {
		super(httpClient, headersFilters, properties);
		this.shared = httpClient;
	}

	/**
	 * The header filters, with {@link ProxiedHeadersFilter} in place of the filters of
	 * Spring's whose work it does in one copy.
	 */
	@Override
	public List<HttpHeadersFilter> getHeadersFilters() {
		List<HttpHeadersFilter> filters = this.headersFilters;
		if (filters == null) {
			List<HttpHeadersFilter> all = super.getHeadersFilters();
			filters = (all != null) ? ProxiedHeadersFilter.inPlaceOfSpringsOwn(all) : List.of();
			this.headersFilters = filters;
		}
		return filters;
	}

	@Override
	protected HttpClient getHttpClient(Route route, ServerWebExchange exchange) {
		if (route.getMetadata().containsKey(RouteMetadataUtils.CONNECT_TIMEOUT_ATTR)) {
			// a route's own connect timeout: Spring's way, on the shared pool (no route
			// has one)
			return super.getHttpClient(route, exchange);
		}
		// the configured connect timeout is already the client's own: nothing to add per
		// call
		EventLoop loop = loopOf(exchange);
		return (loop != null) ? this.byLoop.computeIfAbsent(loop, this::clientOn) : this.shared;
	}

	private HttpClient clientOn(EventLoop loop) {
		return this.shared.runOn(new OneLoop(loop));
	}

	private static EventLoop loopOf(ServerWebExchange exchange) {
		Channel channel = ServerChannels.of(exchange.getRequest());
		return (channel != null) ? channel.eventLoop() : null;
	}

	/**
	 * One of the server's event loops, as the loops of a client: never disposed by the
	 * client (the server owns it), and equal to another for the same loop, since the
	 * pool's key compares them.
	 */
	record OneLoop(EventLoop loop) implements LoopResources {

		@Override
		public EventLoopGroup onServer(boolean useNative) {
			return this.loop;
		}

	}

}
