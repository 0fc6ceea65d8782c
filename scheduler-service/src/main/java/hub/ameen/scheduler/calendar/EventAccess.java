package hub.ameen.scheduler.calendar;

import java.util.Collections;

import hub.ameen.platform.security.CurrentUser;

import org.springframework.stereotype.Component;

/**
 * Who may see and change an event. Its creator and attendees see it; its creator changes
 * it; a holder of one of {@link EventProperties#manageAnyPermissions()} sees and changes
 * every event. To anyone else an event does not exist.
 */
@Component
class EventAccess {

	private final EventProperties properties;

	EventAccess(EventProperties properties) {
		this.properties = properties;
	}

	/** Whether the user sees and changes every event. */
	boolean managesAll(CurrentUser user) {
		return !Collections.disjoint(user.perms(), this.properties.manageAnyPermissions());
	}

	boolean maySee(CalendarEvent event, CurrentUser user) {
		return managesAll(user) || event.recipients().contains(user.id());
	}

	boolean mayChange(CalendarEvent event, CurrentUser user) {
		return managesAll(user) || user.id().equals(event.creatorId());
	}

}
