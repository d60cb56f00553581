/**
 * TheHive's {@code POST /api/v1/query}: the step lists are planned into SQL over the queryable
 * entities (cases, alerts, observables), filters compiled to bound parameters, results streamed.
 */
package io.sightline.server.query;
