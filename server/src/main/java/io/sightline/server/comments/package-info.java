/**
 * Comments of cases and alerts: the {@code comment_record} table, its repository, the service
 * (with the one rule of who may edit or delete a comment, {@link io.sightline.server.comments.CommentRule}),
 * TheHive's comment JSON and its v1 routes, and the copy of an imported alert's comments onto its
 * case (an {@link io.sightline.server.alerts.AlertCarryOver}).
 */
package io.sightline.server.comments;
