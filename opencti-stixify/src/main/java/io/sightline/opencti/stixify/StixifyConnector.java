package io.sightline.opencti.stixify;

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
import io.sightline.integrations.opencti.ConnectorRuntime;
import io.sightline.integrations.opencti.ConnectorSession;
import io.sightline.integrations.opencti.HttpGraphqlTransport;
import io.sightline.integrations.opencti.OpenCtiClient;
import io.sightline.integrations.opencti.OpenCtiStateStore;
import io.sightline.integrations.opencti.ServiceAccount;
import io.sightline.integrations.opencti.StixifyReportSink;
import io.sightline.integrations.opencti.Works;
import io.sightline.integrations.stixify.DossierSync;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.integrations.stixify.SyncResult;
import io.sightline.stix.split.OpenCtiSplitter;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Stixify connector wired together: the OpenCTI session (registration, pings, state), the
 * delivery chosen by {@code CONNECTOR_QUEUE_PROTOCOL}, and the Stixify {@link DossierSync}. Each run
 * is the outer work {@code Stixify Connector Run}, with one {@code Dossier: <name> (<id>)} work
 * per dossier.
 */
public final class StixifyConnector implements AutoCloseable {
    static final String RUN_WORK = "Stixify Connector Run";
    private static final Logger log = LoggerFactory.getLogger(StixifyConnector.class);

    private final ConnectorConfig config;
    private final ConnectorSession session;
    private final BundleDelivery delivery;
    private final DossierSync sync;
    private final Works works;
    private final ConnectorMetrics metrics;

    private StixifyConnector(ConnectorConfig config, ConnectorSession session, BundleDelivery delivery, DossierSync sync,
                             ConnectorMetrics metrics) {
        this.config = config;
        this.metrics = metrics;
        this.session = session;
        this.delivery = delivery;
        this.sync = sync;
        this.works = new Works(session.client(), config.connectorId(), StixifyReportSink.LABEL);
    }

    /** Health check, registration and (unless run-and-terminate) the ping thread; then ready to run. */
    public static StixifyConnector start(ConnectorConfig config) {
        // As pycti: the metrics endpoint is up before OpenCTI is contacted; a busy port stops the start.
        ConnectorMetrics metrics = config.metrics().enabled() ? ConnectorMetrics.serve(config.metrics()) : ConnectorMetrics.disabled();
        try {
            return start(config, metrics);
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
    }

    private static StixifyConnector start(ConnectorConfig config, ConnectorMetrics metrics) {
        if (config.validateBeforeImport()) {
            // pycti diverts a bundle to a workbench or draft only when the connector names a file;
            // the Python Stixify connector never does, so its bundles are imported directly. Same here.
            log.warn("CONNECTOR_VALIDATE_BEFORE_IMPORT=true: bundles are imported directly, as with the Python connector "
                    + "(pycti validates only bundles sent with a file name, which this connector does not have)");
        }
        String token = config.openctiToken();
        if (config.serviceAccount().enabled()) {
            // As pycti 7: OPENCTI_TOKEN is an administrator's, used only to find or create the service account.
            token = new ServiceAccount(openctiClient(config, token))
                    .resolveToken(config.connectorName(), config.serviceAccount().maxConfidence())
                    .orElse(token);
        }
        OpenCtiClient client = openctiClient(config, token);
        ConnectorDefinition definition = ConnectorDefinition.externalImport(config.connectorId(), config.connectorName(),
                config.connectorScope());
        ConnectorSession session = new ConnectorSession(client, definition,
                ConnectorInfo.initial(config.runAndTerminate(), config.queueThresholdMb()), ConnectorSession.PING_INTERVAL);
        session.observePeriodicPings(ok -> metrics.inc(ok ? ConnectorMetrics.Counter.PING_API_COUNT
                : ConnectorMetrics.Counter.PING_API_ERROR));
        ConnectorRegistration registration = session.start();
        try {
            BundleDelivery delivery = new MeteredDelivery(delivery(config, client, registration), metrics);
            if (config.directory().folder() != null) {
                delivery = new DirectoryDelivery(delivery, config.directory().folder(), config.directory().retentionDays(),
                        registration.connectorUserId(), new DirectoryDelivery.ConnectorFields(config.connectorId(),
                                config.connectorName(), config.connectorType(), String.join(",", config.connectorScope()),
                                config.validateBeforeImport()));
            }
            StixifyClient stixify = StixifyClient.create(config.stixifyBaseUrl(), config.stixifyApiKey());
            DossierSync sync = new DossierSync(stixify, new StixifyReportSink(client, registration.id(), delivery),
                    new OpenCtiStateStore(session, delivery), config.dossierIds(), Clock.systemUTC());
            return new StixifyConnector(config, session, delivery, sync, metrics);
        } catch (RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static OpenCtiClient openctiClient(ConnectorConfig config, String token) {
        HttpTarget opencti = HttpTarget.create(HttpTargetConfig.builder("opencti", config.openctiUrl())
                .auth(HttpAuth.bearer(token))
                .tls(config.sslCaBundle() != null ? TlsSettings.trusting(config.sslCaBundle())
                        : config.sslVerify() ? TlsSettings.VERIFY : TlsSettings.acceptAny())
                .requestTimeout(Duration.ofSeconds(300))
                .userAgent("sightline-opencti-stixify/0.1")
                .build());
        return new OpenCtiClient(new HttpGraphqlTransport(opencti, config.customHeaders()));
    }

    private static BundleDelivery delivery(ConnectorConfig config, OpenCtiClient client, ConnectorRegistration registration) {
        OpenCtiSplitter splitter = new OpenCtiSplitter();
        if (!config.amqp()) return new ApiBundleDelivery(client, registration.id(), splitter, config.maxMessageBytes());
        ConnectorRegistration effective = registration.withMq(registration.mq().withOverrides(config.mq()));
        log.info("Bundles go over AMQP to {} (exchange {}, routing key {})", effective.mq(), effective.pushExchange(), effective.pushRouting());
        AmqpPublisher publisher = new AmqpPublisher(effective.mq(), effective.pushExchange(), effective.pushRouting(),
                Duration.ofSeconds(60), 8, 5_000, config.mqTls().context(), config.mqTls().verifyHostname());
        return new AmqpBundleDelivery(client, publisher, splitter, effective.connectorUserId(), config.maxMessageBytes());
    }

    /** One run inside the {@code Stixify Connector Run} work; returns what the sync did. */
    public SyncResult runOnce() throws Exception {
        metrics.inc(ConnectorMetrics.Counter.RUN_COUNT);
        metrics.state("running");
        SyncResult result;
        try {
            result = works.inWork(RUN_WORK, workId -> sync.runOnce());
        } catch (Exception e) {
            metrics.inc(ConnectorMetrics.Counter.ERROR_COUNT);
            throw e;
        } finally {
            metrics.state("idle");
        }
        if (!result.succeeded()) metrics.inc(ConnectorMetrics.Counter.ERROR_COUNT);
        log.info("Run finished: {} report(s), {} object(s) delivered{}", result.reportsDelivered(), result.objectsDelivered(),
                result.succeeded() ? "" : "; some reports failed and will be retried on the next run");
        return result;
    }

    /** Runs on the schedule (or once with run-and-terminate); returns whether the last run fully succeeded. */
    public boolean runScheduled() throws InterruptedException {
        boolean[] ok = {true};
        new ConnectorRuntime(session, config.interval(), config.runAndTerminate(), config.queueThresholdMb(), Clock.systemUTC())
                .run(() -> {
                    ok[0] = false;
                    ok[0] = runOnce().succeeded();
                });
        return ok[0];
    }

    public ConnectorSession session() {
        return session;
    }

    /** The port the Prometheus metrics are served on, or -1 when they are not exposed. */
    public int metricsPort() {
        return metrics.port();
    }

    @Override
    public void close() {
        metrics.state("stopped");
        delivery.close();
        session.close();
        metrics.close();
    }
}
