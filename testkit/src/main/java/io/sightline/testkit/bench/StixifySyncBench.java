package io.sightline.testkit.bench;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.opencti.AmqpBundleDelivery;
import io.sightline.integrations.opencti.AmqpPublisher;
import io.sightline.integrations.opencti.ConnectorDefinition;
import io.sightline.integrations.opencti.ConnectorInfo;
import io.sightline.integrations.opencti.ConnectorRegistration;
import io.sightline.integrations.opencti.ConnectorSession;
import io.sightline.integrations.opencti.HttpGraphqlTransport;
import io.sightline.integrations.opencti.OpenCtiClient;
import io.sightline.integrations.opencti.OpenCtiStateStore;
import io.sightline.integrations.opencti.StixifyReportSink;
import io.sightline.integrations.opencti.Works;
import io.sightline.integrations.stixify.DossierSync;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.integrations.stixify.SyncResult;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.testkit.amqp.AmqpBroker;
import io.sightline.testkit.opencti.OpenCtiEmulator;
import io.sightline.testkit.stixify.GeneratedReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./sightline bench stixify-sync [reports] [objects-per-report]}: one dossier of 50 reports x
 * 2,000 generated STIX objects synced from the Stixify emulator into OpenCTI over AMQP (split, one
 * object per persistent message, publisher confirms), the emulated OpenCTI worker consuming from
 * the broker. Prints objects per second and the peak heap of this JVM (connector and emulators).
 */
public final class StixifySyncBench {
    private StixifySyncBench() {}

    public static void main(String[] args) throws Exception {
        int reports = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int perReport = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        String token = "bench-" + UUID.randomUUID();
        String key = "bench-" + UUID.randomUUID();
        try (AmqpBroker broker = AmqpBroker.start();
             OpenCtiEmulator platform = OpenCtiEmulator.start(token, broker);
             StixifyEmulator stixify = StixifyEmulator.start(key)) {
            platform.received().keepObjects(false);
            String dossier = stixify.addDossier("Benchmark");
            Instant added = Instant.now().minus(Duration.ofDays(1));
            for (int i = 0; i < reports; i++) {
                stixify.addReport(dossier, "report " + i, new GeneratedReportSource(perReport, i, 0), added.plusSeconds(i));
            }
            String connectorId = UUID.randomUUID().toString();
            OpenCtiClient client = new OpenCtiClient(new HttpGraphqlTransport(HttpTarget.create(
                    HttpTargetConfig.builder("opencti", platform.url()).auth(HttpAuth.bearer(token)).build()), Map.of()));
            try (ConnectorSession session = new ConnectorSession(client,
                    ConnectorDefinition.externalImport(connectorId, "Stixify", List.of("stixify")),
                    ConnectorInfo.initial(true, 500), ConnectorSession.PING_INTERVAL)) {
                ConnectorRegistration reg = session.start();
                AmqpPublisher publisher = new AmqpPublisher(reg.mq(), reg.pushExchange(), reg.pushRouting(), Duration.ofSeconds(60), 3);
                try (AmqpBundleDelivery delivery = new AmqpBundleDelivery(client, publisher, new OpenCtiSplitter(),
                        reg.connectorUserId(), 16_000_000)) {
                    DossierSync sync = new DossierSync(StixifyClient.create(stixify.baseUrl(), key),
                            new StixifyReportSink(client, connectorId, delivery), new OpenCtiStateStore(session),
                            List.of(dossier), Clock.systemUTC());
                    measure(() -> new Works(client, connectorId, StixifyReportSink.LABEL).inWork("Stixify Connector Run", w -> sync.runOnce()),
                            platform, broker, reports, perReport);
                }
            }
        }
    }

    private interface Run {
        SyncResult run() throws Exception;
    }

    private static void measure(Run run, OpenCtiEmulator platform, AmqpBroker broker, int reports, int perReport) throws Exception {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        AtomicLong peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.setDaemon(true);
        sampler.start();

        long start = System.nanoTime();
        SyncResult result = run.run();
        long confirmed = System.nanoTime();
        platform.awaitSettled(Duration.ofMinutes(5));
        long consumed = System.nanoTime();
        sampling.set(false);
        sampler.join();

        long sent = result.objectsDelivered();
        double confirmedSeconds = (confirmed - start) / 1e9;
        double consumedSeconds = (consumed - start) / 1e9;
        System.out.printf("stixify-sync: %d reports x %d objects over AMQP (%s)%n", reports, perReport, broker.describe());
        System.out.printf("  reports delivered        : %d (%s)%n", result.reportsDelivered(), result.succeeded() ? "all" : "FAILURES");
        System.out.printf("  objects sent             : %d, received by the worker: %d%n", sent, platform.received().objectCount());
        System.out.printf("  sync time (confirmed)    : %.2f s -> %,.0f objects/s%n", confirmedSeconds, sent / confirmedSeconds);
        System.out.printf("  until consumed by worker : %.2f s -> %,.0f objects/s%n", consumedSeconds, sent / consumedSeconds);
        System.out.printf("  peak heap (this JVM)     : %.1f MB (max heap %.0f MB)%n", peak.get() / 1e6,
                memory.getHeapMemoryUsage().getMax() / 1e6);
    }
}
