/**
 * Reads MISP's JSON as it streams in: {@link io.sightline.integrations.misp.reading.MispEventReader}
 * hands an event's attributes to a {@link io.sightline.integrations.misp.reading.MispEventListener}
 * one by one, so memory does not grow with the event; malformed answers end in
 * {@link io.sightline.integrations.misp.reading.MispFormatException}.
 */
package io.sightline.integrations.misp.reading;
