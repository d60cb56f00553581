/**
 * TheHive's side of the query language: {@code POST /api/v1/query} ({@link
 * io.sightline.server.query.thehive.QueryController}, streamed in chunks) and the reader of its JSON
 * steps into the typed {@code query.model} ({@link io.sightline.server.query.thehive.TheHiveQueryReader},
 * with TheHive's error messages).
 */
package io.sightline.server.query.thehive;
