package hub.ameen.tasks.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import hub.ameen.platform.events.Aggregate;
import hub.ameen.platform.security.CurrentUser;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.BadRequestException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * The board: one column per status, cards in rank order (ties, which only a move into
 * another column can make, broken by id). A move reads its new neighbours and writes the
 * card in ONE transaction on the store's single writer, so two users moving at once are
 * applied one after the other and every card stays on the board exactly once.
 */
@Component
class TaskBoard {

	/** The most cards a column shows. */
	static final int MAX_CARDS = 500;

	static final Comparator<Task> BOARD_ORDER = Comparator.comparing(Task::rank).thenComparing(Task::id);

	private final Aggregate<Task> tasks;

	private final TaskSeries series;

	TaskBoard(Aggregate<Task> tasks, TaskSeries series) {
		this.tasks = tasks;
		this.series = series;
	}

	/** Every column, in status order, with its first {@link #MAX_CARDS} cards. */
	Board board() {
		return new Board(Arrays.stream(Task.Status.values())
			.map((status) -> new Column(status,
					column(this.tasks.findAllBy(TaskConfiguration.BY_STATUS, status.name()))))
			.toList());
	}

	/**
	 * Moves the card into the column, right after the card {@code afterId} names (at the
	 * top without one). Refused with a 400, changing nothing, when {@code afterId} is the
	 * card itself, no card, or a card in another column.
	 */
	Mono<Task> move(String id, MoveRequest request, CurrentUser me, Instant now) {
		return this.tasks.inTransaction((txn) -> {
			Task card = TaskOwnership.check(this.tasks.get(txn, id), me);
			List<Task> column = neighbours(txn, card, request);
			int at = (request.afterId() != null) ? indexOf(column, request.afterId()) + 1 : 0;
			String rank = rankAt(column, at);
			if (rank == null) {
				renumber(txn, column, me.id(), now);
				rank = rankAt(column, at);
			}
			return this.series.keep(txn, card, card.movedTo(request.status(), rank, now), me.id());
		});
	}

	private List<Task> neighbours(ReadTxn txn, Task card, MoveRequest request) {
		if (card.id().equals(request.afterId())) {
			throw new BadRequestException("A card cannot follow itself");
		}
		if (request.afterId() != null) {
			Task after = this.tasks.find(txn, request.afterId())
				.orElseThrow(() -> new BadRequestException("afterId names no task: " + request.afterId()));
			if (after.status() != request.status()) {
				throw new BadRequestException("afterId is in column " + after.status() + ", not " + request.status());
			}
		}
		List<Task> column = new ArrayList<>(
				this.tasks.findAllBy(txn, TaskConfiguration.BY_STATUS, request.status().name()));
		column.removeIf((task) -> task.id().equals(card.id()));
		column.sort(BOARD_ORDER);
		return column;
	}

	/** A rank between the cards either side of the position, or null if they tie. */
	private static String rankAt(List<Task> column, int at) {
		String before = (at > 0) ? column.get(at - 1).rank() : null;
		String after = (at < column.size()) ? column.get(at).rank() : null;
		if (before != null && after != null && before.compareTo(after) >= 0) {
			return null;
		}
		return Ranks.between(before, after);
	}

	/**
	 * Gives the column fresh, distinct ranks in its present order (rare: after a tie).
	 */
	private void renumber(WriteTxn txn, List<Task> column, String actorId, Instant now) {
		String previous = null;
		for (int i = 0; i < column.size(); i++) {
			String rank = Ranks.between(previous, null);
			Task card = column.get(i);
			column.set(i, this.tasks.updateIn(txn, card.movedTo(card.status(), rank, now), actorId));
			previous = rank;
		}
	}

	private static int indexOf(List<Task> column, String id) {
		for (int i = 0; i < column.size(); i++) {
			if (column.get(i).id().equals(id)) {
				return i;
			}
		}
		throw new IllegalStateException("card " + id + " is not in its column's index");
	}

	private static List<Task> column(List<Task> cards) {
		return cards.stream().sorted(BOARD_ORDER).limit(MAX_CARDS).toList();
	}

	/**
	 * Where a card goes.
	 *
	 * @param status the column
	 * @param afterId the card it follows in that column, or null for the top
	 */
	record MoveRequest(@NotNull Task.Status status, @Size(max = 64) String afterId) {
	}

	/**
	 * The board as {@code GET /api/tasks/board} answers it.
	 *
	 * @param columns one per status, in status order
	 */
	record Board(List<Column> columns) {
	}

	/**
	 * One column.
	 *
	 * @param status its status
	 * @param tasks its cards in board order
	 */
	record Column(Task.Status status, List<Task> tasks) {
	}

}
