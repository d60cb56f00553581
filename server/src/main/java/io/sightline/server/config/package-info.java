/**
 * Spring wiring of the hub: security filter chains (API and web UI), error handling of the
 * container, the data folder and its permissions, database timeouts and H2 durability. It sits on
 * top: it may use any package, and no package uses it.
 */
package io.sightline.server.config;
