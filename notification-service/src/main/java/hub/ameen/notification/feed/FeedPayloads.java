package hub.ameen.notification.feed;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The parts of other services' events the feed reads (see {@code docs/events.md}); other
 * fields are ignored.
 */
final class FeedPayloads {

	private FeedPayloads() {
	}

	/**
	 * A contact, company or deal: {@code contact.*}, {@code company.*}, {@code deal.*}.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CrmRecord(String id, String firstName, String lastName, String name, String title, String stage) {

		/** A deal's title, a company's name, a contact's full name. */
		String label(String kind) {
			if (kind.equals("deal")) {
				return this.title;
			}
			if (kind.equals("company")) {
				return this.name;
			}
			String full = (Objects.toString(this.firstName, "") + " " + Objects.toString(this.lastName, "")).trim();
			return full.isEmpty() ? null : full;
		}

	}

	/** {@code deal.stage-changed}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record StageChanged(String dealId, String from, String to, CrmRecord deal) {
	}

	/** {@code task.*}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record TaskRecord(String id, String title, String status, String assigneeId) {
	}

	/** {@code comment.*}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CommentRecord(String id, String taskId, String taskTitle) {
	}

	/** {@code scheduler.event.created|updated}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record CalendarRecord(String id, String title, String creatorId, List<String> attendeeIds, String startsAt) {
	}

	/** {@code user.created}. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record UserRecord(String id, String email, String displayName) {

		String label() {
			return (this.displayName != null && !this.displayName.isBlank()) ? this.displayName : this.email;
		}

	}

	/**
	 * What the feed remembers of a task, to tell an assignment or a completion from other
	 * changes.
	 */
	record TaskState(String assigneeId, String status) {
	}

}
