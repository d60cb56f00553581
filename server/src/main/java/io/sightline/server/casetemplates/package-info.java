/**
 * Case templates of an organisation (TheHive 5): tables {@code case_template} and
 * {@code case_template_task} (the task specs a case made from the template starts with), the
 * template's tags and default custom field values (kept by {@code customfields}), the service and
 * TheHive's routes.
 */
package io.sightline.server.casetemplates;
