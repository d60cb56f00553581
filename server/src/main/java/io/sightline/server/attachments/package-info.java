/**
 * Files attached to observables, to task logs and to cases, alerts and organisations: the
 * {@code attachment} table and the owner-only files on disk, named by their SHA-256, shared by
 * every row of the same content and released when the last user of a file goes (a case or alert
 * deleted), plus the hourly sweep of rows and files nothing references any more, and the
 * password-protected zip TheHive's clients download a suspicious file in. Every holder shows its
 * files as TheHive's OutputAttachment through {@link io.sightline.server.attachments.AttachmentView}.
 */
package io.sightline.server.attachments;
