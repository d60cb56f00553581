/**
 * Files attached to observables and to task logs: the {@code attachment} table and the owner-only files on disk,
 * named by their SHA-256, shared by case and alert observables and task logs and released when the last user of
 * a file goes (a case or alert deleted), plus the hourly sweep of rows and files nothing references any more.
 */
package io.sightline.server.attachments;
