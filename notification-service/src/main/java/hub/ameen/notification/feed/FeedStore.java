package hub.ameen.notification.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Keys;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.ReadTxn;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.BadRequestException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Feed entries filed under each stream of their audience, keyed {@code <stream>/<id>} so
 * that a stream reads newest first by walking its prefix backwards; and, keyed by id
 * alone, where each entry is filed, so that retention walks the oldest first.
 */
@Component
public class FeedStore {

	private static final Pattern CURSOR = Pattern.compile("[0-9]{13}-[0-9A-Za-z-]{1,64}");

	private final Store store;

	private final Collection<String, FeedEntry> entries;

	private final Collection<String, Filed> filed;

	FeedStore(Store store, JsonMapper json) {
		this.store = store;
		this.entries = store.collection("feed", Codec.utf8(), Codec.json(json, FeedEntry.class));
		this.filed = store.collection("feed.by-time", Codec.utf8(), Codec.json(json, Filed.class));
	}

	/** Files the entry under each stream, in the caller's transaction. */
	void add(WriteTxn txn, FeedEntry entry, List<String> streams) {
		for (String stream : streams) {
			this.entries.put(txn, key(stream, entry.id()), entry);
		}
		this.filed.put(txn, entry.id(), new Filed(streams));
	}

	/**
	 * One page, newest first, of the entries in these streams after the cursor, of one
	 * type if given.
	 * @param cursor the id of the last entry of the previous page, or null
	 * @throws BadRequestException for a cursor that is no entry id
	 */
	public Page<FeedEntry> page(List<String> streams, int limit, String cursor, String type) {
		return page(streams, limit, cursor, type, null);
	}

	/**
	 * Like {@link #page(List, int, String, String)}, of the entries about one record if
	 * {@code record} (its id) is given: a record page's history. That reads the streams
	 * until the page is full or they end, so a rare record costs a longer scan.
	 */
	public Page<FeedEntry> page(List<String> streams, int limit, String cursor, String type, String record) {
		if (cursor != null && !CURSOR.matcher(cursor).matches()) {
			throw new BadRequestException("cursor is not valid; pass the nextCursor of a previous page");
		}
		return this.store
			.read((txn) -> merge(txn, streams, limit, cursor, (entry) -> (type == null || type.equals(entry.type()))
					&& (record == null || record.equals(entry.about().id()))));
	}

	private Page<FeedEntry> merge(ReadTxn txn, List<String> streams, int limit, String cursor,
			Predicate<FeedEntry> wanted) {
		List<FeedEntry> newest = new ArrayList<>();
		boolean more = false;
		for (String stream : streams) {
			PageRequest request = new PageRequest(limit, (cursor != null) ? cursorOf(stream, cursor) : null, true);
			Page<FeedEntry> page = this.entries.page(txn, stream + "/", request, wanted);
			newest.addAll(page.items());
			more |= page.nextCursor() != null;
		}
		newest.sort(Comparator.comparing(FeedEntry::id).reversed());
		if (newest.size() > limit) {
			return new Page<>(newest.subList(0, limit), newest.get(limit - 1).id());
		}
		return new Page<>(newest, (more && !newest.isEmpty()) ? newest.get(newest.size() - 1).id() : null);
	}

	/**
	 * Removes entries that happened before the cutoff, oldest first, at most {@code max}
	 * in the caller's transaction.
	 * @return how many entries were removed
	 */
	int removeBefore(WriteTxn txn, Instant cutoff, int max) {
		String end = Keys.zeroPadded(cutoff.toEpochMilli(), 13);
		List<String> old = new ArrayList<>();
		this.filed.forEach(txn, null, (id, where) -> {
			if (id.compareTo(end) >= 0 || old.size() >= max) {
				return false;
			}
			old.add(id);
			return true;
		});
		for (String id : old) {
			this.filed.get(txn, id)
				.ifPresent((where) -> where.streams().forEach((s) -> this.entries.delete(txn, key(s, id))));
			this.filed.delete(txn, id);
		}
		return old.size();
	}

	/** How many entries there are (each counted once, however many streams hold it). */
	long count() {
		return this.store.read(this.filed::count);
	}

	private static String key(String stream, String id) {
		return stream + "/" + id;
	}

	/**
	 * The store's own cursor for "after this entry" in one stream: its key, base64url.
	 */
	private static String cursorOf(String stream, String id) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key(stream, id).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Where an entry is filed.
	 *
	 * @param streams the streams that hold it
	 */
	record Filed(List<String> streams) {
	}

}
