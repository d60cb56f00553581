package io.sightline.server.connectors.stixify;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.TlsSettings;
import io.sightline.integrations.opencti.AmqpBundleDelivery;
import io.sightline.integrations.opencti.AmqpPublisher;
import io.sightline.integrations.opencti.ApiBundleDelivery;
import io.sightline.integrations.opencti.BundleDelivery;
import io.sightline.integrations.opencti.ConnectorDefinition;
import io.sightline.integrations.opencti.ConnectorInfo;
import io.sightline.integrations.opencti.ConnectorRegistration;
import io.sightline.integrations.opencti.ConnectorSession;
import io.sightline.integrations.opencti.HttpGraphqlTransport;
import io.sightline.integrations.opencti.OpenCtiClient;
import io.sightline.integrations.opencti.StixifyReportSink;
import io.sightline.integrations.stixify.ReportSink;
import io.sightline.stix.split.OpenCtiSplitter;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The optional OpenCTI platform that also receives the dossiers' reports, through the same protocol
 * as the standalone connector: registration as an external-import connector, pings, one work per
 * dossier sync ({@code Dossier: <name> (<id>)}) and one bundle per report over AMQP or
 * {@code stixBundlePush}. The hub keeps the cursors in its own checkpoints; the connector state in
 * OpenCTI stays empty.
 *
 * <p>The session starts at the first sync, not at hub start, so that an unreachable platform fails
 * runs (retried, shown in health) instead of the hub's start. Used from the connector's scheduler
 * thread only, except {@link #check()}.
 */
final class OpenCtiTarget implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OpenCtiTarget.class);
    private static final double QUEUE_THRESHOLD_MB = 500;

    private final OpenCtiTargetSettings settings;
    private final OpenCtiClient client;
    private ConnectorSession session;
    private BundleDelivery delivery;
    private volatile String version = "";

    OpenCtiTarget(OpenCtiTargetSettings settings) {
        this.settings = settings;
        HttpTarget http = HttpTarget.create(HttpTargetConfig.builder("opencti", settings.url().toString())
                .auth(HttpAuth.bearer(settings.token()))
                .tls(settings.sslVerify() ? TlsSettings.VERIFY : TlsSettings.acceptAny())
                .requestTimeout(Duration.ofSeconds(300))
                .userAgent("sightline-hub-stixify/0.1")
                .build());
        this.client = new OpenCtiClient(new HttpGraphqlTransport(http, Map.of()));
    }

    /** The platform's version (health check), for the connection test. */
    String check() {
        version = client.healthCheck();
        return version;
    }

    /** The platform's version as last seen, or empty. */
    String version() {
        return version;
    }

    /** A sink for one dossier sync; registers the connector first if this is the first run (or the last start failed). */
    synchronized ReportSink sinkForRun() {
        if (session == null) {
            check();
            ConnectorSession started = new ConnectorSession(client,
                    ConnectorDefinition.externalImport(settings.connectorId(), settings.connectorName(), settings.scope()),
                    ConnectorInfo.initial(false, QUEUE_THRESHOLD_MB), ConnectorSession.PING_INTERVAL);
            ConnectorRegistration registration = started.start();
            try {
                delivery = delivery(registration);
            } catch (RuntimeException e) {
                started.close();
                throw e;
            }
            session = started;
        }
        return new StixifyReportSink(client, session.registration().id(), delivery);
    }

    /** Returns once OpenCTI holds every object delivered so far; throws if some of it was refused. */
    synchronized void awaitDelivered() {
        if (delivery != null) delivery.awaitDelivered();
    }

    private BundleDelivery delivery(ConnectorRegistration registration) {
        OpenCtiSplitter splitter = new OpenCtiSplitter();
        if (!settings.amqp()) {
            log.info("Stixify reports also go to OpenCTI {} with stixBundlePush", settings.url());
            return new ApiBundleDelivery(client, registration.id(), splitter, settings.maxMessageBytes());
        }
        ConnectorRegistration effective = registration.withMq(registration.mq().withOverrides(settings.mq()));
        log.info("Stixify reports also go to OpenCTI over AMQP ({}, exchange {}, routing key {})", effective.mq(),
                effective.pushExchange(), effective.pushRouting());
        AmqpPublisher publisher = new AmqpPublisher(effective.mq(), effective.pushExchange(), effective.pushRouting(),
                Duration.ofSeconds(60), 8);
        return new AmqpBundleDelivery(client, publisher, splitter, effective.connectorUserId(), settings.maxMessageBytes());
    }

    @Override
    public synchronized void close() {
        try {
            if (delivery != null) delivery.close();
        } finally {
            delivery = null;
            if (session != null) session.close();
            session = null;
        }
    }
}
