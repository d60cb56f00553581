/**
 * Typed client of the Cortex REST API (Cortex 3/4, Bearer key), over the HTTP layer.
 *
 * <pre>{@code
 * CortexClient cortex = new CortexClient(HttpTarget.create(
 *         CortexClient.targetConfig("cortex:local", url, key).tls(TlsSettings.acceptAny()).build()));
 * CortexHealth health = cortex.health();                       // OK / ERROR / AUTH_ERROR + version
 * List<CortexAnalyzer> forHash = cortex.analyzersFor("hash");  // range=all
 * CortexJob job = cortex.run("VirusTotal_GetReport_3_1", JobRequest.of("hash", sha256));
 * CortexJobReport done = cortex.waitReport(job.id(), Duration.ofSeconds(30));
 * List<JobCheck> round = cortex.checkJobs(pendingIds);         // 1 request per 100 jobs + 1 per ended job
 * List<CortexAnalyzer> forCase = cortex.respondersFor("thehive:case"); // responders are workers too
 * CortexJob action = cortex.runResponder(forCase.get(0).id(), new ResponderRequest("thehive:case", caseJson, 2, 2, "", Map.of()));
 * }</pre>
 *
 * <p>Failures are {@link io.sightline.integrations.cortex.CortexException}s whose
 * {@link io.sightline.integrations.cortex.CortexErrorKind} comes from the mapping table
 * {@code cortex-errors.json} (Cortex error type, else HTTP status). A job that is
 * {@link io.sightline.integrations.cortex.JobState#DELETED} or
 * {@link io.sightline.integrations.cortex.JobState#NOT_FOUND} is terminal.
 */
package io.sightline.integrations.cortex;
