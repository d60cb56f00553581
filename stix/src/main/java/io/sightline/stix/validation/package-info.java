/** Validation of STIX objects against the official OASIS STIX 2.1 JSON schemas (BSD-3-Clause, shipped in the jar). */
package io.sightline.stix.validation;
