/**
 * First start: the default roles and the one admin, created once and never again.
 */
package hub.ameen.user.bootstrap;
