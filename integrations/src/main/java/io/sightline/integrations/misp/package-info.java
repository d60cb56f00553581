/**
 * MISP without a framework. This package is the typed client ({@code MispClient}: the REST calls,
 * the paged search, request bodies, MISP's refusals); below it:
 * <ul>
 *   <li>{@code model}: MISP's records as MISP names them (event, attribute, object, tag, org, and
 *       what the client sends: new event, new attribute, event update, sample);</li>
 *   <li>{@code reading}: the streaming reader of MISP's JSON, which hands attributes to a listener
 *       one by one;</li>
 *   <li>{@code mapping}: the mapping tables and the two directions: event → alert draft
 *       ({@code MispAlertMapper}) and case → event ({@code MispExportMapper}, {@code MispExportPlan}).</li>
 * </ul>
 * Dependencies point one way: this package → {@code mapping} → {@code reading} → {@code model}.
 * The hub's connector (scheduling, checkpoints, database, health) sits on top of these classes.
 *
 * <h2>Setting up one server</h2>
 * <pre>{@code
 * HttpTargetConfig config = HttpTargetConfig.builder("misp:" + name, url)
 *         .auth(HttpAuth.rawKey(key))                  // MISP wants the raw key in Authorization
 *         .tls(acceptAny ? TlsSettings.acceptAny() : TlsSettings.VERIFY)   // or trusting(caPem)
 *         .requestTimeout(timeout).build();
 * MispClient client = MispClient.create(config);
 * MispVersion version = client.version();              // health: OK / HttpAuthException → AUTH_ERROR
 * MispOrg org = client.keyOrganisation();              // TheHive's alert source
 * }</pre>
 *
 * <h2>Import (MISP → alerts)</h2>
 * <pre>{@code
 * MispImportTypes types = MispImportTypes.loadDefault();        // or load(reader, name, dataTypes)
 * MispAlertMapper mapper = new MispAlertMapper(types, url, extraTags);
 * MispEventQuery query = MispEventQuery.builder().since(checkpoint).maxAge(maxAge)
 *         .includeTags(whitelistTags).excludeTags(exclusionTags)
 *         .includeOrgs(whitelistOrgs).excludeOrgs(exclusionOrgs)
 *         .publishedOnly(true).maxAttributes(maxAttributes).build();
 * client.searchEvents(query, summary -> {
 *     MispAlertDraft alert = mapper.alert(summary, org.name());  // upsert by (type, source, sourceRef)
 *     client.fetchEvent(summary.idOrUuid(), true,                // true: deleted attributes too
 *             mapper.observableStream(alert.tlp(), batch::add)); // write observables in batches
 *     // observables with deleted() = true are removed from the alert; commit, then store
 *     // summary.timestamp() as the checkpoint (the bound is inclusive: re-import is idempotent)
 * });
 * }</pre>
 *
 * <h2>Export (case → MISP)</h2>
 * <pre>{@code
 * MispExportMapper export = new MispExportMapper(MispExportTypes.loadDefault(), exportCaseTags, exportObservableTags);
 * // per observable: AsAttribute (collect), AsFile (upload after the event exists), Skipped (tell the user)
 * MispExportMapper.Export how = export.observable(dataType, data, ioc, message, tlp, tags);
 * MispNewEvent event = export.event(title, startDate, severity, tlp, pap, caseTags, attributes);
 * MispEvent created = client.createEvent(event);        // first export: store id and uuid on the case
 * client.syncAttributes(eventId, attributes);           // re-export: same event, added/removed attributes
 * client.editEvent(eventId, new MispEventUpdate(title, null, MispExportMapper.threatLevel(severity), null, null, null));
 * client.uploadSample(eventId, new MispSample(file, name, MispSample.Kind.MALWARE_SAMPLE, null, comment, true));
 * }</pre>
 * MISP's refusals arrive as {@link io.sightline.integrations.misp.MispApiException} carrying
 * MISP's own name, message and errors, to show to the user.
 */
package io.sightline.integrations.misp;
