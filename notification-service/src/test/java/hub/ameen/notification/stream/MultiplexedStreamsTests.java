package hub.ameen.notification.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import hub.ameen.notification.ServiceTestSupport;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2StreamChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.netty.http.client.Http2AllocationStrategy;
import reactor.netty.http.HttpProtocol;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.context.Context;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Streams multiplexed on one HTTP/2 connection without TLS (h2c, prior knowledge), as a
 * proxy holding many users' streams may send them: each receives its own user's
 * notifications, a stream the client cancels is closed on the service while the others on
 * its connection go on, and the service tells the client how many streams a connection
 * may carry. The service speaks h2c only where it is set to
 * ({@code server.http2.enabled}).
 */
@TestPropertySource(properties = { "server.http2.enabled=true", "server.max-http-request-header-size=16KB" })
class MultiplexedStreamsTests extends ServiceTestSupport {

	static final int STREAMS = 40;

	private static final String AUTHORIZATION = "Authorization";

	@Autowired
	StreamRegistry registry;

	@Autowired
	StreamProperties properties;

	private final ConnectionProvider oneConnection = ConnectionProvider.builder("h2c-streams")
		.pendingAcquireMaxCount(STREAMS)
		.maxConnections(1)
		.build();

	/** The connection each stream was carried on. */
	private final Set<Channel> connections = ConcurrentHashMap.newKeySet();

	private final List<Disposable> subscriptions = new ArrayList<>();

	/**
	 * One client for every stream, each request taking its user's token from the
	 * subscriber's context: with a client of each user's own (its own headers) on the
	 * same provider, Reactor Netty 1.3 opened the first stream and left the others
	 * waiting.
	 */
	private final HttpClient client = HttpClient.create(this.oneConnection)
		.protocol(HttpProtocol.H2C)
		.doOnRequest((request, connection) -> {
			request.header(AUTHORIZATION, request.currentContextView().<String>get(AUTHORIZATION));
			request.header("Accept", "text/event-stream");
			assertThat(connection.channel()).isInstanceOf(Http2StreamChannel.class);
			this.connections.add(connection.channel().parent());
		});

	@AfterEach
	void close() {
		this.subscriptions.forEach(Disposable::dispose);
		this.oneConnection.disposeLater().block(Duration.ofSeconds(10));
	}

	@Test
	void manyUsersStreamsShareOneConnectionAndEachReceivesItsOwn() {
		List<String> users = IntStream.range(0, STREAMS).mapToObj((i) -> newUser()).toList();
		String outsider = newUser();
		List<StringBuffer> received = users.stream().map(this::open).toList();
		try {
			await().atMost(Duration.ofSeconds(10))
				.until(() -> users.stream().allMatch((user) -> this.registry.connected(user) == 1));
		}
		catch (Throwable t) {
			System.out.println("DEBUG " + users.stream().filter((user) -> this.registry.connected(user) == 1).count()
					+ " " + received.stream().filter((b) -> b.length() == 0).count() + received.get(39) + " | "
					+ this.connections);
			throw t;
		}
		assertThat(this.connections).hasSize(1);

		publish(StreamTests.REMINDERS, reminder("standup-" + users.get(0), "Standup", users));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> received.stream().allMatch((body) -> notifications(body) == 1));
		assertThat(received).allSatisfy((body) -> assertThat(body.toString()).contains("Standup"));

		// one stream cancelled (RST_STREAM): it is closed on the service, its neighbours
		// on the connection stay and receive what comes next; the outsider's does not
		// reach them
		this.subscriptions.get(0).dispose();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.registry.connected(users.get(0)) == 0);
		publish(StreamTests.REMINDERS, reminder("review-" + outsider, "Not yours", List.of(outsider)));
		publish(StreamTests.REMINDERS, reminder("review-" + users.get(1), "Review", users));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> received.subList(1, STREAMS).stream().allMatch((body) -> notifications(body) == 2));
		assertThat(received.subList(1, STREAMS))
			.allSatisfy((body) -> assertThat(body.toString()).contains("Review").doesNotContain("Not yours"));
		assertThat(users.subList(1, STREAMS)).allMatch((user) -> this.registry.connected(user) == 1);
		assertThat(this.connections).hasSize(1);
	}

	@Test
	void theServiceTellsHowManyStreamsAConnectionMayCarryAndKeepsItsOtherSettings() {
		open(newUser());
		await().atMost(Duration.ofSeconds(30)).until(() -> !this.connections.isEmpty());
		Http2FrameCodec codec = this.connections.iterator().next().pipeline().get(Http2FrameCodec.class);
		// the client's endpoint opens the streams: the server's SETTINGS bound it (Netty
		// assumes 100 until they come)
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(codec.connection().local().maxActiveStreams())
				.isEqualTo(this.properties.maxPerConnection())
				.isEqualTo(1000));
		// and the header list size Spring Boot set before it is kept (Netty's own is 8
		// KB)
		assertThat(codec.encoder().configuration().headersConfiguration().maxHeaderListSize()).isEqualTo(16 * 1024);
	}

	/** Opens a user's stream on the one connection; what it receives, as it comes. */
	private StringBuffer open(String user) {
		StringBuffer body = new StringBuffer();
		this.subscriptions.add(this.client.get()
			.uri("http://localhost:" + this.port + StreamTests.PATH)
			.responseContent()
			.asString()
			.contextWrite(Context.of(AUTHORIZATION, bearer(user)))
			.subscribe(body::append, (ex) -> body.append("\nfailed: ").append(ex)));
		return body;
	}

	private static long notifications(StringBuffer body) {
		return body.toString().lines().filter((line) -> line.equals("event:notification")).count();
	}

}
