/**
 * A benchmark of CRM lists, search and import at 100,000 contacts, run by hand (see the
 * module's README), not by the test suite.
 */
package hub.ameen.crm.bench;
