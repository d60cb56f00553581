/**
 * Pages of cases (title, category, Markdown content, order): the {@code case_page} table, its
 * repository, the service, TheHive's OutputPage JSON and the v1 case page routes. The page fields
 * and their reading ({@link io.sightline.server.pages.PageInput}) are shared with page templates.
 */
package io.sightline.server.pages;
