package hub.ameen.crm.activity;

import java.time.Instant;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The requests that log an activity and change one.
 */
final class ActivityRequests {

	/** The types a person may log. */
	static final String TYPES = "note|call|email|meeting";

	private ActivityRequests() {
	}

	/** A new activity about at least one contact, company or deal. */
	record CreateActivityRequest(
			@NotNull @Pattern(regexp = TYPES, message = "must be note, call, email or meeting") String type,
			@NotBlank @Size(max = 200) String subject, @Size(max = 20000) String body, Instant occurredAt,
			@Size(max = 64) String contactId, @Size(max = 64) String companyId, @Size(max = 64) String dealId) {

		@AssertTrue(message = "name a contactId, companyId or dealId")
		boolean isAboutSomething() {
			return this.contactId != null || this.companyId != null || this.dealId != null;
		}

		Activity toActivity(String id, String ownerId, Instant now) {
			return new Activity(id, this.type, null, this.subject.strip(), this.body,
					(this.occurredAt != null) ? this.occurredAt : now, this.contactId, this.companyId, this.dealId,
					ownerId, now, now);
		}

	}

	/** A change: the fields it names replace the activity's, absent ones stay. */
	record PatchActivityRequest(@Pattern(regexp = TYPES, message = "must be note, call, email or meeting") String type,
			@Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String subject,
			@Size(max = 20000) String body, Instant occurredAt) {

		Activity applyTo(Activity current, Instant now) {
			return new Activity(current.id(), (this.type != null) ? this.type : current.type(), current.event(),
					(this.subject != null) ? this.subject.strip() : current.subject(),
					(this.body != null) ? this.body : current.body(),
					(this.occurredAt != null) ? this.occurredAt : current.occurredAt(), current.contactId(),
					current.companyId(), current.dealId(), current.ownerId(), current.createdAt(), now);
		}

	}

}
