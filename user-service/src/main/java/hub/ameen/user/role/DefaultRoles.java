package hub.ameen.user.role;

import java.util.List;
import java.util.Set;

import hub.ameen.platform.security.Permissions;

/**
 * The roles every hub starts with.
 */
public final class DefaultRoles {

	public static final String ADMIN = "admin";

	public static final String MANAGER = "manager";

	public static final String MEMBER = "member";

	private DefaultRoles() {
	}

	public static List<Role> all() {
		return List.of(new Role(ADMIN, "Everything, including users and roles", Set.copyOf(Permissions.all()), true),
				new Role(MANAGER, "All CRM, tasks and calendar work; reads users",
						Set.of(Permissions.CRM_READ, Permissions.CRM_WRITE, Permissions.CRM_MANAGE,
								Permissions.TASKS_READ, Permissions.TASKS_WRITE, Permissions.TASKS_MANAGE,
								Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE, Permissions.SCHEDULER_MANAGE,
								Permissions.NOTIFICATIONS_READ, Permissions.USERS_READ),
						true),
				new Role(MEMBER, "Own work: reads CRM, writes own CRM records, tasks and events",
						Set.of(Permissions.CRM_READ, Permissions.CRM_WRITE, Permissions.TASKS_READ,
								Permissions.TASKS_WRITE, Permissions.SCHEDULER_READ, Permissions.SCHEDULER_WRITE,
								Permissions.NOTIFICATIONS_READ),
						true));
	}

}
