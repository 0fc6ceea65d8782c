package hub.ameen.crm;

import hub.ameen.platform.security.Permissions;
import hub.ameen.platform.test.security.TestTokens;

/**
 * The callers every CRM rule is checked for: a member who owns the record, a member who
 * does not, a manager and an admin (anonymous is no token).
 */
public final class Callers {

	public static final String OWNER_ID = "member-owner";

	public static final String OWNER = TestTokens.shared().bearer(OWNER_ID, "crm:read", "crm:write");

	public static final String OTHER = TestTokens.shared().bearer("member-other", "crm:read", "crm:write");

	public static final String READER = TestTokens.shared().bearer("reader", "crm:read");

	public static final String MANAGER = TestTokens.shared().bearer("manager", "crm:read", "crm:write", "crm:manage");

	public static final String ADMIN = TestTokens.shared().bearer("admin", Permissions.all().toArray(String[]::new));

	private Callers() {
	}

}
