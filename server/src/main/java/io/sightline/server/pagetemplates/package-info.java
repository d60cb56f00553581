/**
 * The organisation's page templates (title, category, Markdown content, order) from which case
 * pages are written: the {@code page_template} table, its repository, the service and TheHive's
 * v1 page template routes. The page fields and their JSON come from the pages package.
 */
package io.sightline.server.pagetemplates;
