package hub.ameen.platform.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * The catalog of topics, one constant per topic (see {@code docs/events.md}), named
 * {@code hub.<domain>.<stream>.v<N>}; their dead-letter topics; and {@link NewTopic}
 * declarations for a service's configuration. Producers and consumers name a topic
 * through these constants, never by typing its name again:
 *
 * <pre>{@code
 * &#64;Bean
 * KafkaAdmin.NewTopics userTopics() {
 *     return Topics.declare(Topics.USER);
 * }
 *
 * &#64;KafkaListener(topics = Topics.USER)
 * }</pre>
 */
public final class Topics {

	/** Users, by user id: {@code user.*}, from user-service. */
	public static final String USER = "hub.users.user.v1";

	/** Roles, by role name: {@code role.*}, from user-service. */
	public static final String ROLE = "hub.users.role.v1";

	/** Initial password hashes, by user id: {@code credential.set}, from user-service. */
	public static final String CREDENTIAL = "hub.users.credential.v1";

	/**
	 * The organisation's settings, keyed {@code organisation}: {@code settings.updated},
	 * from user-service.
	 */
	public static final String SETTINGS = "hub.users.settings.v1";

	/** Password changes, by user id: {@code credential.changed}, from auth-service. */
	public static final String CREDENTIAL_CHANGE = "hub.auth.credential.v1";

	/** Ended logins, by user id: {@code session.revoked}, from auth-service. */
	public static final String SESSION = "hub.auth.session.v1";

	/** CRM contacts, by contact id: {@code contact.*}, from crm-service. */
	public static final String CONTACT = "hub.crm.contact.v1";

	/** CRM companies, by company id: {@code company.*}, from crm-service. */
	public static final String COMPANY = "hub.crm.company.v1";

	/** CRM deals, by deal id: {@code deal.*}, from crm-service. */
	public static final String DEAL = "hub.crm.deal.v1";

	/** CRM pipelines, by pipeline id: {@code pipeline.*}, from crm-service. */
	public static final String PIPELINE = "hub.crm.pipeline.v1";

	/** CRM activities and timeline entries, by activity id: {@code activity.*}. */
	public static final String ACTIVITY = "hub.crm.activity.v1";

	/** CRM CSV imports, by import id: {@code import.*}, from crm-service. */
	public static final String CRM_IMPORT = "hub.crm.import.v1";

	/** Tasks, by task id: {@code task.*}, from tasks-service. */
	public static final String TASK = "hub.tasks.task.v1";

	/** Comments on tasks, by comment id: {@code comment.*}, from tasks-service. */
	public static final String TASK_COMMENT = "hub.tasks.comment.v1";

	/**
	 * Daily digests, by user id: {@code digest.planned} (when a user's digest goes out)
	 * and {@code digest.compiled} (what it lists), from tasks-service.
	 */
	public static final String TASK_DIGEST = "hub.tasks.digest.v1";

	/** Due reminders, by calendar event id: {@code scheduler.reminder.due}. */
	public static final String REMINDER = "hub.scheduler.reminder.v1";

	/** Calendar events, by calendar event id: {@code scheduler.event.*}. */
	public static final String CALENDAR_EVENT = "hub.scheduler.event.v1";

	/** Task deadlines, by task id: {@code scheduler.task.due-soon|overdue}. */
	public static final String TASK_DEADLINE = "hub.scheduler.task.v1";

	/**
	 * The scheduler clock's lease: no record is written to it; each scheduler instance
	 * fires the timer partitions its membership of the consumer group
	 * {@code scheduler-clock} is assigned, one per partition of this topic.
	 */
	public static final String CLOCK_LEASE = "hub.scheduler.clock-lease.v1";

	/** Partitions of {@link #CLOCK_LEASE}: the scheduler's timer partitions. */
	public static final int CLOCK_LEASE_PARTITIONS = 12;

	/**
	 * Each user's notifications and read state, by user id: {@code notification.*}, from
	 * notification-service to every instance of itself, so that N instances keep one
	 * inbox in one order (docs/decisions/0008-notification-service-instances.md).
	 */
	public static final String NOTIFICATION_INBOX = "hub.notifications.inbox.v1";

	/**
	 * Files attached to records, by file id: {@code file.*}, from every service that
	 * keeps files (crm-service, tasks-service, user-service).
	 */
	public static final String FILE = "hub.files.file.v1";

	/**
	 * CRM contacts' latest state, by contact id, a tombstone when deleted: the compacted
	 * changelog crm-service restores an empty store from.
	 */
	public static final String CONTACT_CHANGELOG = "hub.crm.contact.changelog";

	/** CRM companies' latest state, by company id: crm-service's changelog. */
	public static final String COMPANY_CHANGELOG = "hub.crm.company.changelog";

	/** CRM deals' latest state, by deal id: crm-service's changelog. */
	public static final String DEAL_CHANGELOG = "hub.crm.deal.changelog";

	/** CRM pipelines' latest state, by pipeline id: crm-service's changelog. */
	public static final String PIPELINE_CHANGELOG = "hub.crm.pipeline.changelog";

	/**
	 * CRM activities' (and timeline entries') latest state, by activity id: crm-service's
	 * changelog.
	 */
	public static final String ACTIVITY_CHANGELOG = "hub.crm.activity.changelog";

	/** Tasks' latest state, by task id: tasks-service's changelog. */
	public static final String TASK_CHANGELOG = "hub.tasks.task.changelog";

	/** Comments' latest state, by comment id: tasks-service's changelog. */
	public static final String TASK_COMMENT_CHANGELOG = "hub.tasks.comment.changelog";

	/**
	 * Users' latest state, by user id: user-service's changelog (no password hash: those
	 * are auth-service's and never in user-service's store).
	 */
	public static final String USER_CHANGELOG = "hub.users.user.changelog";

	/** Roles' latest state, by role name: user-service's changelog. */
	public static final String ROLE_CHANGELOG = "hub.users.role.changelog";

	/**
	 * The organisation's settings, keyed {@code organisation}: user-service's changelog.
	 */
	public static final String SETTINGS_CHANGELOG = "hub.users.settings.changelog";

	/**
	 * Calendar events' latest state, by calendar event id: scheduler-service's changelog,
	 * written by the instance where each change was made.
	 */
	public static final String CALENDAR_EVENT_CHANGELOG = "hub.scheduler.event.changelog";

	/** Partitions of a declared topic unless the caller names another number. */
	public static final int DEFAULT_PARTITIONS = 3;

	/** Appended to a topic's name to name its dead-letter topic. */
	public static final String DEAD_LETTER_SUFFIX = ".dlt";

	private static final Pattern PART = Pattern.compile("[a-z][a-z0-9-]*");

	private Topics() {
	}

	/**
	 * The topic of a stream: {@code name("users", "user", 1)} is
	 * {@code hub.users.user.v1}.
	 * @param domain the owning domain, lower case
	 * @param stream the stream within the domain, lower case
	 * @param version the version of the stream, from 1
	 * @return the topic name
	 */
	public static String name(String domain, String stream, int version) {
		requirePart(domain, "domain");
		requirePart(stream, "stream");
		if (version < 1) {
			throw new IllegalArgumentException("version must be at least 1");
		}
		return "hub." + domain + "." + stream + ".v" + version;
	}

	/**
	 * The changelog topic of a stream: {@code changelog("crm", "contact")} is
	 * {@code hub.crm.contact.changelog}. It has no version: it holds the state as the
	 * producer's store keeps it, which only the producer reads back.
	 */
	public static String changelog(String domain, String stream) {
		requirePart(domain, "domain");
		requirePart(stream, "stream");
		return "hub." + domain + "." + stream + ".changelog";
	}

	/** The dead-letter topic of a topic: {@code <topic>.dlt}. */
	public static String deadLetter(String topic) {
		return topic + DEAD_LETTER_SUFFIX;
	}

	/**
	 * Declares each topic and its dead-letter topic with {@value #DEFAULT_PARTITIONS}
	 * partitions.
	 */
	public static KafkaAdmin.NewTopics declare(String... topics) {
		return declare(DEFAULT_PARTITIONS, topics);
	}

	/**
	 * Declares each topic and its dead-letter topic with the given partitions and the
	 * broker's default replication factor (1 on the local broker).
	 */
	public static KafkaAdmin.NewTopics declare(int partitions, String... topics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(topics)
			.flatMap((topic) -> Arrays.stream(new String[] { topic, deadLetter(topic) }))
			.map((name) -> TopicBuilder.name(name).partitions(partitions).build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * Declares each topic and its dead-letter topic as {@link #declare(String...)} does,
	 * keeping records for {@code retention} instead of the broker's default (seven days).
	 */
	public static KafkaAdmin.NewTopics declareKeptFor(Duration retention, String... topics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(topics)
			.flatMap((topic) -> Arrays.stream(new String[] { topic, deadLetter(topic) }))
			.map((name) -> TopicBuilder.name(name)
				.partitions(DEFAULT_PARTITIONS)
				.config(TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis()))
				.build())
			.toArray(NewTopic[]::new));
	}

	/**
	 * Declares each changelog topic compacted ({@code cleanup.policy=compact}: the latest
	 * record per key is kept forever, a tombstone for a while), with
	 * {@value #DEFAULT_PARTITIONS} partitions and no dead-letter topic: no listener reads
	 * it, only its producer's restore.
	 */
	public static KafkaAdmin.NewTopics declareChangelogs(String... topics) {
		return new KafkaAdmin.NewTopics(Arrays.stream(topics)
			.map((name) -> TopicBuilder.name(name).partitions(DEFAULT_PARTITIONS).compact().build())
			.toArray(NewTopic[]::new));
	}

	private static void requirePart(String part, String name) {
		if (part == null || !PART.matcher(part).matches()) {
			throw new IllegalArgumentException(name + " must be lower-case letters, digits and dashes: " + part);
		}
	}

}
