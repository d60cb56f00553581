/**
 * The intel store: STIX objects of published reports and dossiers (global to the hub, not per
 * organisation), their ingestion in batches, the values they carry normalised as observables are,
 * and the "seen in intel" lookups. It knows nothing of case or alert observables, which ask it.
 */
package io.sightline.server.intel;
