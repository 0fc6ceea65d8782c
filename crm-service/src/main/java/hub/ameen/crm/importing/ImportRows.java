package hub.ameen.crm.importing;

import java.util.ArrayList;
import java.util.List;

import hub.ameen.platform.store.Codec;
import hub.ameen.platform.store.Collection;
import hub.ameen.platform.store.Keys;
import hub.ameen.platform.store.Page;
import hub.ameen.platform.store.PageRequest;
import hub.ameen.platform.store.Store;
import hub.ameen.platform.store.WriteTxn;
import hub.ameen.platform.web.PageResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each import's per-row report, kept under {@code <importId>/<row>}: what the dry run
 * would do, what the real run did, and the undo log its revert walks back.
 */
public class ImportRows {

	private final Store store;

	private final Collection<String, ImportRow> rows;

	ImportRows(Store store, JsonMapper json) {
		this.store = store;
		this.rows = store.collection("imports.rows", Codec.utf8(), Codec.json(json, ImportRow.class));
	}

	void put(WriteTxn txn, String importId, ImportRow row) {
		this.rows.put(txn, key(importId, row.row()), row);
	}

	/** One page of an import's rows, in row order. */
	PageResponse<ImportRow> page(String importId, PageRequest request) {
		Page<ImportRow> page = this.store.read((txn) -> this.rows.page(txn, importId + "/", request, (row) -> true));
		return new PageResponse<>(page.items(), page.nextCursor());
	}

	/**
	 * Up to {@code max} rows before the row {@code before} (exclusive; 0 for the end),
	 * last first.
	 */
	List<ImportRow> before(String importId, long before, int max) {
		return this.store.read((txn) -> {
			List<ImportRow> found = new ArrayList<>(max);
			Page<ImportRow> page = this.rows.page(txn, importId + "/",
					new PageRequest(max, (before > 0) ? cursorOf(key(importId, before)) : null, true), (row) -> true);
			found.addAll(page.items());
			return found;
		});
	}

	private static String key(String importId, long row) {
		return importId + "/" + Keys.zeroPadded(row, 12);
	}

	private static String cursorOf(String key) {
		return java.util.Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
