package hub.ameen.platform.web;

import java.util.List;

/**
 * One page of a list as HTTP answers it, {@code {"items": [...], "nextCursor": "..."}};
 * pass {@code nextCursor} back as {@code ?cursor=} for the next page, which is the last
 * when it is null.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param nextCursor where the next page starts, or null on the last page
 */
public record PageResponse<T>(List<T> items, String nextCursor) {

	public PageResponse {
		items = List.copyOf(items);
	}

}
