/**
 * The Cortex connector: configured servers and their health, analyzer listing, persisted analyzer
 * jobs (submitted within each server's limit, polled, their outcome and artifacts stored), and
 * TheHive's Cortex routes. Guide: {@code docs/cortex.md}.
 */
package io.sightline.server.connectors.cortex;
