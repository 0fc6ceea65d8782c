package hub.ameen.auth.token;

import hub.ameen.auth.projection.Identity;

/**
 * A login: its refresh-token family id (the {@code sid} of its access tokens) and who it
 * speaks for.
 *
 * @param id the family id
 * @param identity the user's claims
 */
record Session(String id, Identity identity) {
}
