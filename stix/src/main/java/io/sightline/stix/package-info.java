/**
 * STIX 2.1 without a framework.
 * <ul>
 *   <li>{@link io.sightline.stix.StixObjectReader}: streams the objects of a bundle, a bare array or
 *       a Stixify page one at a time as Jackson trees;</li>
 *   <li>{@link io.sightline.stix.StixBundleWriter}: writes a bundle object by object;</li>
 *   <li>{@link io.sightline.stix.StixId}, {@link io.sightline.stix.StixIds}: identifiers, bundle ids,
 *       deterministic cyber-observable ids;</li>
 *   <li>{@link io.sightline.stix.StixVersions}: which version of an object is newer;</li>
 *   <li>{@code split}: the OpenCTI splitter and the size-bounded chunker;</li>
 *   <li>{@code validation}: the OASIS JSON schemas;</li>
 *   <li>{@code observable}: observable values of indicators and cyber-observables.</li>
 * </ul>
 * Jackson 3 is used throughout; {@link io.sightline.stix.StixJson#mapper()} is the shared mapper.
 */
package io.sightline.stix;
