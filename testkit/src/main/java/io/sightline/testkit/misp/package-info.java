/**
 * A MISP emulator for tests, the demo and benchmarks: {@link io.sightline.testkit.misp.MispEmulator}
 * (start, base URL, key, request counts), its data ({@link io.sightline.testkit.misp.MispEmulatorStore}:
 * load MISP files, generate large events, inspect what the API changed) and run-time faults
 * ({@link io.sightline.testkit.misp.MispEmulatorFaults}).
 */
package io.sightline.testkit.misp;
