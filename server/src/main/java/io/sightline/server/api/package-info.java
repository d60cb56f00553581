/**
 * The REST API's plumbing shared by every controller: which requests are API requests, the strict
 * JSON reader ({@link io.sightline.server.api.JsonInput}, with TLP/PAP-like levels read by number
 * or name) and the refusal of TheHive fields not modelled here ({@code Unsupported}) that the
 * controllers' JSON-to-command mappings use, body size limits (answered outside {@code /api/} by
 * the {@link io.sightline.server.api.OversizedBodyPage} the web UI provides), and the one mapping of domain and
 * database failures to TheHive's {@code {type, message}} answers
 * ({@link io.sightline.server.api.ApiErrors}). It depends on {@code core} only.
 */
package io.sightline.server.api;
