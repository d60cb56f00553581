/**
 * Preparing a report for OpenCTI: {@link io.sightline.stix.split.OpenCtiSplitter} orders and cleans
 * the objects as pycti does (one message per object, dependencies first, unsupported types dropped,
 * expectation count known up front) within bounded memory, and
 * {@link io.sightline.stix.split.BundleChunker} packs objects into bundles under a byte limit.
 */
package io.sightline.stix.split;
