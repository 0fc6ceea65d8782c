package hub.ameen.platform.store;

import java.util.List;

/**
 * One page of a cursor scan, shaped as the HTTP API returns lists: {@code {"items":
 * [...], "nextCursor": "..."}}; {@code nextCursor} is null on the last page.
 *
 * @param <T> the item type
 * @param items the items of this page, in scan order
 * @param nextCursor an opaque cursor for the next page, or null
 */
public record Page<T>(List<T> items, String nextCursor) {

	public Page {
		items = List.copyOf(items);
	}

	public <R> Page<R> map(java.util.function.Function<? super T, ? extends R> mapper) {
		return new Page<>(this.items.stream().<R>map(mapper).toList(), this.nextCursor);
	}

}
