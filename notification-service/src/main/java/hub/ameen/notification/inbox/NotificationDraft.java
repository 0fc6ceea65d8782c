package hub.ameen.notification.inbox;

import java.time.Instant;

import hub.ameen.platform.events.NotificationTypes;

/**
 * What a notification will say, before it is addressed to its recipients.
 *
 * @param type one of {@link NotificationTypes}
 * @param title one line
 * @param body more words, may be empty
 * @param link where in the web app it leads, may be null
 * @param sourceEventId the id of the event it comes from
 * @param eventAt when the source event came due or else happened
 */
public record NotificationDraft(String type, String title, String body, String link, String sourceEventId,
		Instant eventAt) {

}
