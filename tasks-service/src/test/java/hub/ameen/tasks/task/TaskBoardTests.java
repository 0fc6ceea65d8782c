package hub.ameen.tasks.task;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import hub.ameen.platform.events.Outbox;
import hub.ameen.platform.security.PlatformSecurityAutoConfiguration;
import hub.ameen.platform.store.config.StoreAutoConfiguration;
import hub.ameen.platform.test.security.TestTokens;
import hub.ameen.platform.test.security.UsesTestTokens;
import hub.ameen.platform.test.web.JsonCalls;
import hub.ameen.platform.web.PlatformWebAutoConfiguration;
import hub.ameen.tasks.user.UserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The board over a real store: card order inside a column, moves with {@code afterId},
 * bad moves refused whole, and two clients moving cards at once.
 */
@WebFluxTest(controllers = TaskController.class, properties = TestTokens.WITHOUT_REVOCATIONS)
@ImportAutoConfiguration({ PlatformWebAutoConfiguration.class, PlatformSecurityAutoConfiguration.class,
		StoreAutoConfiguration.class })
@Import({ TaskConfiguration.class, TaskBoard.class, TaskSeries.class, hub.ameen.tasks.crm.CrmRecords.class,
		UserDirectory.class, TaskControllerTests.Outboxed.class })
@UsesTestTokens
class TaskBoardTests {

	@TempDir
	static Path dir;

	@DynamicPropertySource
	static void store(DynamicPropertyRegistry registry) {
		registry.add("hub.store.path", () -> dir.resolve("tasks-service").toString());
	}

	static final String MANAGER = TestTokens.shared().bearer("boss", "tasks:read", "tasks:write", "tasks:manage");

	static final String SECOND = TestTokens.shared().bearer("deputy", "tasks:read", "tasks:write", "tasks:manage");

	@Autowired
	WebTestClient client;

	@Autowired
	Outbox outbox;

	@BeforeEach
	void clearTheBoardAndAllowForASharedMachine() {
		this.client = this.client.mutate().responseTimeout(Duration.ofSeconds(60)).build();
		board().values()
			.forEach((cards) -> cards.forEach((id) -> this.client.delete()
				.uri("/api/tasks/" + id)
				.header(HttpHeaders.AUTHORIZATION, MANAGER)
				.exchange()
				.expectStatus()
				.isNoContent()));
	}

	@Test
	void newCardsGoToTheEndAndAMoveLandsRightAfterItsAfterId() {
		String a = card("A");
		String b = card("B");
		String c = card("C");
		assertThat(board().get("todo")).containsExactly(a, b, c);

		move(c, "todo", a).expectStatus().isOk();
		assertThat(board().get("todo")).containsExactly(a, c, b);
		move(b, "todo", null).expectStatus().isOk();
		assertThat(board().get("todo")).containsExactly(b, a, c);
		move(a, "in_progress", null).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("in_progress");
		move(c, "in_progress", a).expectStatus().isOk();
		move(b, "done", null).expectStatus().isOk().expectBody().jsonPath("$.completedAt").isNotEmpty();
		assertThat(board()).containsEntry("todo", List.of())
			.containsEntry("in_progress", List.of(a, c))
			.containsEntry("done", List.of(b))
			.containsEntry("blocked", List.of());
	}

	@Test
	void aBadMoveIsA400AndChangesNothing() {
		String a = card("A");
		String b = card("B");
		move(b, "in_progress", null).expectStatus().isOk();
		Map<String, List<String>> before = board();
		long announced = this.outbox.backlog();

		move(a, "archived", null).expectStatus().isBadRequest().expectHeader().contentType("application/problem+json");
		move(a, "todo", b).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.value((detail) -> assertThat(detail.toString()).contains("in_progress"));
		move(a, "todo", a).expectStatus().isBadRequest();
		move(a, "todo", "no-such-card").expectStatus().isBadRequest();
		this.client.post()
			.uri("/api/tasks/" + a + "/move")
			.header(HttpHeaders.AUTHORIZATION, MANAGER)
			.bodyValue(Map.of("afterId", b))
			.exchange()
			.expectStatus()
			.isBadRequest();
		move("no-such-card", "todo", null).expectStatus().isNotFound();
		String stranger = TestTokens.shared().bearer("stranger", "tasks:read", "tasks:write");
		this.client.post()
			.uri("/api/tasks/" + a + "/move")
			.header(HttpHeaders.AUTHORIZATION, stranger)
			.bodyValue(Map.of("status", "done"))
			.exchange()
			.expectStatus()
			.isForbidden();

		assertThat(board()).isEqualTo(before);
		assertThat(this.outbox.backlog()).isEqualTo(announced);
	}

	@Test
	void twoClientsMovingCardsAtOnceEndInOneOrderWithNoCardLost() throws Exception {
		List<String> cards = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			cards.add(card("Card " + i));
		}
		String anchor = cards.get(0);
		Random random = new Random(7);
		String[] columns = { "todo", "todo", "todo", "in_progress", "blocked" };
		ExecutorService clients = Executors.newFixedThreadPool(cards.size() - 1);
		Map<String, String> lastColumn = new HashMap<>();
		try {
			for (int round = 0; round < 10; round++) {
				// every card but the anchor moves at once, half by each client; most go
				// right
				// after the same anchor: without one transaction per move, moves
				// committed
				// together would read the same neighbours and tie
				List<Future<?>> moves = new ArrayList<>();
				for (int i = 1; i < cards.size(); i++) {
					String card = cards.get(i);
					String column = columns[random.nextInt(columns.length)];
					String token = (i % 2 == 0) ? MANAGER : SECOND;
					lastColumn.put(card, column);
					moves.add(clients
						.submit(() -> move(token, card, column, column.equals("todo") ? anchor : null).expectStatus()
							.isOk()));
				}
				for (Future<?> move : moves) {
					move.get(60, TimeUnit.SECONDS);
				}
			}
		}
		finally {
			clients.shutdownNow();
		}

		Map<String, List<String>> board = board();
		List<String> all = board.values().stream().flatMap(List::stream).toList();
		assertThat(all).containsExactlyInAnyOrderElementsOf(cards);
		assertThat(board()).isEqualTo(board);
		// no move lost: each card is where its last move put it, and every move into todo
		// landed after the anchor, which no one moved
		lastColumn.forEach((card, column) -> assertThat(board.get(column)).as("column of %s", card).contains(card));
		assertThat(board.get("todo")).first().isEqualTo(anchor);
		for (String status : List.of("todo", "in_progress", "blocked", "done")) {
			assertThat(ranks(status)).as("ranks in %s", status).isSorted().doesNotHaveDuplicates();
		}
	}

	private WebTestClient.ResponseSpec move(String id, String status, String afterId) {
		return move(MANAGER, id, status, afterId);
	}

	private WebTestClient.ResponseSpec move(String token, String id, String status, String afterId) {
		Map<String, Object> body = new HashMap<>();
		body.put("status", status);
		if (afterId != null) {
			body.put("afterId", afterId);
		}
		return this.client.post()
			.uri("/api/tasks/" + id + "/move")
			.header(HttpHeaders.AUTHORIZATION, token)
			.bodyValue(body)
			.exchange();
	}

	private String card(String title) {
		return JsonCalls.create(this.client, "/api/tasks", MANAGER, Map.of("title", title)).get("id").asString();
	}

	private Map<String, List<String>> board() {
		Map<String, List<String>> columns = new HashMap<>();
		column("id", columns);
		return columns;
	}

	private List<String> ranks(String status) {
		Map<String, List<String>> columns = new HashMap<>();
		column("rank", columns);
		return columns.get(status);
	}

	private void column(String field, Map<String, List<String>> into) {
		JsonNode board = this.client.get()
			.uri("/api/tasks/board")
			.header(HttpHeaders.AUTHORIZATION, MANAGER)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(JsonNode.class)
			.returnResult()
			.getResponseBody();
		board.get("columns").forEach((column) -> {
			List<String> values = new ArrayList<>();
			column.get("tasks").forEach((task) -> values.add(task.get(field).asString()));
			into.put(column.get("status").asString(), values);
		});
	}

}
