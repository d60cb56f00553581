/**
 * The typed query language of {@code /api/v1/query}, free of JSON: a {@link
 * io.sightline.server.query.model.Query} is an initial step (list or get by id) followed by filter,
 * sort, page, navigation and count steps; filters are a {@link io.sightline.server.query.model.Filter}
 * tree over typed {@link io.sightline.server.query.model.Value}s. TheHive's JSON is read into it by
 * {@code query.thehive}; the engine in {@code query} runs it. Depends only on {@code core}.
 */
package io.sightline.server.query.model;
