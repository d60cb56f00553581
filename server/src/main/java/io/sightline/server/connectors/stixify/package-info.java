/**
 * The Stixify connector: syncs the reports of configured dossiers into the intel store and,
 * optionally, to OpenCTI, with a checkpoint per dossier. Guide: {@code docs/stixify.md}.
 */
package io.sightline.server.connectors.stixify;
