/**
 * The hub's domain vocabulary shared by the REST API, the web UI and the connectors. For now it
 * holds the failures a domain rule can raise ({@link io.sightline.server.core.DomainException}
 * and its subclasses) and the rules every stored text obeys ({@link io.sightline.server.core.Text}),
 * so the API and the UI refuse the same input with the same message. The failures say what went
 * wrong in domain terms and carry no HTTP status, no TheHive type name and no JSON. The API layer
 * ({@code api.ApiErrors}) alone turns them into HTTP answers; the web UI shows their message.
 * Nothing here imports Spring, servlet or JSON types.
 */
package io.sightline.server.core;
