package hub.ameen.platform.security;

import java.util.List;

/**
 * The one list of permissions. Roles are sets of these; endpoints are guarded by them
 * through the {@code HAS_…} guards, e.g. {@code @PreAuthorize(Permissions.HAS_CRM_READ)}.
 */
public final class Permissions {

	/** See users and their profiles. */
	public static final String USERS_READ = "users:read";

	/** Create, change and delete users, and assign their roles. */
	public static final String USERS_ADMIN = "users:admin";

	/** Create and change roles and the permissions they hold. */
	public static final String ROLES_ADMIN = "roles:admin";

	/** See contacts, companies, deals and activities. */
	public static final String CRM_READ = "crm:read";

	/** Create contacts, companies, deals and activities, and change those one owns. */
	public static final String CRM_WRITE = "crm:write";

	/**
	 * Change anyone's CRM records, delete, merge, import and configure pipelines
	 * (managers and admins).
	 */
	public static final String CRM_MANAGE = "crm:manage";

	/** See tasks and their comments. */
	public static final String TASKS_READ = "tasks:read";

	/** Create, change and delete tasks, and comment on them. */
	public static final String TASKS_WRITE = "tasks:write";

	/** See calendar events and their occurrences. */
	public static final String SCHEDULER_READ = "scheduler:read";

	/** Create, change and delete calendar events. */
	public static final String SCHEDULER_WRITE = "scheduler:write";

	/** Read one's own notifications, mark them read and follow the stream. */
	public static final String NOTIFICATIONS_READ = "notifications:read";

	/** Change calendar events other users created (managers and admins). */
	public static final String SCHEDULER_MANAGE = "scheduler:manage";

	/** Change tasks other users created or were given (managers and admins). */
	public static final String TASKS_MANAGE = "tasks:manage";

	/** Operate the hub: service status, backups, system settings. */
	public static final String SYSTEM_ADMIN = "system:admin";

	/** The guard of an endpoint that needs {@link #USERS_READ}. */
	public static final String HAS_USERS_READ = "hasAuthority('" + USERS_READ + "')";

	/** The guard of an endpoint that needs {@link #USERS_ADMIN}. */
	public static final String HAS_USERS_ADMIN = "hasAuthority('" + USERS_ADMIN + "')";

	/** The guard of an endpoint that needs {@link #ROLES_ADMIN}. */
	public static final String HAS_ROLES_ADMIN = "hasAuthority('" + ROLES_ADMIN + "')";

	/** The guard of an endpoint that needs {@link #CRM_READ}. */
	public static final String HAS_CRM_READ = "hasAuthority('" + CRM_READ + "')";

	/** The guard of an endpoint that needs {@link #CRM_WRITE}. */
	public static final String HAS_CRM_WRITE = "hasAuthority('" + CRM_WRITE + "')";

	/** The guard of an endpoint that needs {@link #CRM_MANAGE}. */
	public static final String HAS_CRM_MANAGE = "hasAuthority('" + CRM_MANAGE + "')";

	/** The guard of an endpoint that needs {@link #TASKS_READ}. */
	public static final String HAS_TASKS_READ = "hasAuthority('" + TASKS_READ + "')";

	/** The guard of an endpoint that needs {@link #TASKS_WRITE}. */
	public static final String HAS_TASKS_WRITE = "hasAuthority('" + TASKS_WRITE + "')";

	/** The guard of an endpoint that needs {@link #TASKS_MANAGE}. */
	public static final String HAS_TASKS_MANAGE = "hasAuthority('" + TASKS_MANAGE + "')";

	/** The guard of an endpoint that needs {@link #SCHEDULER_READ}. */
	public static final String HAS_SCHEDULER_READ = "hasAuthority('" + SCHEDULER_READ + "')";

	/** The guard of an endpoint that needs {@link #SCHEDULER_WRITE}. */
	public static final String HAS_SCHEDULER_WRITE = "hasAuthority('" + SCHEDULER_WRITE + "')";

	/** The guard of an endpoint that needs {@link #SCHEDULER_MANAGE}. */
	public static final String HAS_SCHEDULER_MANAGE = "hasAuthority('" + SCHEDULER_MANAGE + "')";

	/** The guard of an endpoint that needs {@link #NOTIFICATIONS_READ}. */
	public static final String HAS_NOTIFICATIONS_READ = "hasAuthority('" + NOTIFICATIONS_READ + "')";

	/** The guard of an endpoint that needs {@link #SYSTEM_ADMIN}. */
	public static final String HAS_SYSTEM_ADMIN = "hasAuthority('" + SYSTEM_ADMIN + "')";

	private static final List<String> ALL = List.of(USERS_READ, USERS_ADMIN, ROLES_ADMIN, CRM_READ, CRM_WRITE,
			CRM_MANAGE, TASKS_READ, TASKS_WRITE, TASKS_MANAGE, SCHEDULER_READ, SCHEDULER_WRITE, SCHEDULER_MANAGE,
			NOTIFICATIONS_READ, SYSTEM_ADMIN);

	private Permissions() {
	}

	/**
	 * Every permission, in a stable order.
	 * @return all permissions
	 */
	public static List<String> all() {
		return ALL;
	}

}
