/**
 * The intel store: STIX objects of published reports and dossiers (global to the hub, not per
 * organisation), their ingestion in batches, the values they carry normalised as observables are,
 * and the "seen in intel" lookups; {@link io.sightline.server.intel.IntelReadService} reads a report,
 * a dossier, their objects and values a page at a time, and searches the store. It knows nothing of
 * case or alert observables, which ask it.
 */
package io.sightline.server.intel;
