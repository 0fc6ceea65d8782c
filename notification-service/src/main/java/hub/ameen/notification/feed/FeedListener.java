package hub.ameen.notification.feed;

import java.util.List;

/**
 * Told of each feed entry once the transaction that added it is durable, e.g. to push it
 * on the open streams of those who may see it.
 */
public interface FeedListener {

	/**
	 * @param entry the new entry
	 * @param streams the streams it is filed under ({@link FeedAudience})
	 */
	void added(FeedEntry entry, List<String> streams);

}
