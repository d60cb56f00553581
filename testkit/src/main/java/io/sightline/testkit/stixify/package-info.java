/**
 * The Stixify Web API emulator ({@link io.sightline.testkit.stixify.StixifyEmulator}) with reports
 * built from the project's STIX samples or generated at any size, and run-time faults
 * ({@link io.sightline.testkit.stixify.StixifyFaults}).
 */
package io.sightline.testkit.stixify;
