/**
 * Comments of cases and alerts: the {@code comment_record} table, its repository, the service
 * (with the one rule of who may edit or delete a comment, {@link io.sightline.server.comments.CommentRule}),
 * TheHive's comment JSON and its v1 routes.
 */
package io.sightline.server.comments;
