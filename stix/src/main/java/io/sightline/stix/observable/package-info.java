/**
 * Observable values carried by STIX content, typed with the Sightline/TheHive data types, for the
 * intel store's "seen in intel" matching.
 */
package io.sightline.stix.observable;
