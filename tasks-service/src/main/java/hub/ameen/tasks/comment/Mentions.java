package hub.ameen.tasks.comment;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import hub.ameen.tasks.task.InvalidField;
import hub.ameen.tasks.user.KnownUser;
import hub.ameen.tasks.user.UserDirectory;

/**
 * Finds the {@code @email} mentions in a comment and the users they name.
 */
final class Mentions {

	/** The most users one comment may mention. */
	static final int MAX = 20;

	private static final Pattern MENTION = Pattern
		.compile("(?<![\\w.%+-])@([\\w.%+-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,63})");

	private Mentions() {
	}

	/** The emails the body mentions, each once, in order. */
	static List<String> emails(String body) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = MENTION.matcher(body);
		while (matcher.find()) {
			found.add(matcher.group(1));
		}
		return List.copyOf(found);
	}

	/**
	 * The ids of the users the body mentions; a 400 on {@code body} when one is no active
	 * user or there are too many.
	 */
	static List<String> users(String body, UserDirectory users) {
		List<String> emails = emails(body);
		if (emails.size() > MAX) {
			throw new InvalidField("body", "mentions more than " + MAX + " users");
		}
		List<String> ids = new ArrayList<>(emails.size());
		for (String email : emails) {
			KnownUser user = users.activeByEmail(email)
				.orElseThrow(() -> new InvalidField("body", "mentions @" + email + ", who is not an active user"));
			if (!ids.contains(user.id())) {
				ids.add(user.id());
			}
		}
		return ids;
	}

}
