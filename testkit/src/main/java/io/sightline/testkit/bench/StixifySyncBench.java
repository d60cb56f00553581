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
 * the broker. Prints objects per second (until the broker confirmed every message) and the peak heap
 * of this JVM (connector and emulators). The emulated worker consumes only with {@code --with-worker}.
 * Without it, on RabbitMQ, the messages of the measured sync are then taken back from the push queue
 * and sent again by a bare publisher ({@link RabbitCeiling}): the rate the broker alone allows for
 * them, printed with the connector's rate as a share of it.
 * {@code --warm-up=N} sets the number of reports of the unmeasured first sync (default 10); with
 * more, the JIT has finished compiling before the measured sync starts (a long-running connector).
 */
public final class StixifySyncBench {
    private static final int DEFAULT_WARM_UP_REPORTS = 10;

    private StixifySyncBench() {}

    public static void main(String[] args) throws Exception {
        List<String> numbers = java.util.Arrays.stream(args).filter(a -> !a.startsWith("--")).toList();
        int reports = numbers.size() > 0 ? Integer.parseInt(numbers.get(0)) : 50;
        int perReport = numbers.size() > 1 ? Integer.parseInt(numbers.get(1)) : 2_000;
        // The emulated OpenCTI worker shares this JVM's CPU; "--with-worker" measures with it consuming.
        boolean consume = List.of(args).contains("--with-worker");
        int warmUpReports = java.util.Arrays.stream(args).filter(a -> a.startsWith("--warm-up="))
                .mapToInt(a -> Integer.parseInt(a.substring("--warm-up=".length()))).reduce((a, b) -> b).orElse(DEFAULT_WARM_UP_REPORTS);
        String token = "bench-" + UUID.randomUUID();
        String key = "bench-" + UUID.randomUUID();
        try (AmqpBroker broker = AmqpBroker.start();
             OpenCtiEmulator platform = OpenCtiEmulator.start(token, broker, consume);
             StixifyEmulator stixify = StixifyEmulator.start(key)) {
            platform.received().keepObjects(false);
            String warmUp = stixify.addDossier("Warm-up");
            String dossier = stixify.addDossier("Benchmark");
            Instant added = Instant.now().minus(Duration.ofDays(1));
            for (int i = 0; i < warmUpReports; i++) {
                stixify.addReport(warmUp, "warm-up " + i, new GeneratedReportSource(perReport, 10_000 + i, 0), added);
            }
            for (int i = 0; i < reports; i++) {
                stixify.addReport(dossier, "report " + i, new GeneratedReportSource(perReport, i, 0), added.plusSeconds(i));
            }
            String connectorId = UUID.randomUUID().toString();
            OpenCtiClient client = new OpenCtiClient(new HttpGraphqlTransport(HttpTarget.create(
                    HttpTargetConfig.builder("opencti", platform.url()).auth(HttpAuth.bearer(token)).build()), Map.of()));
            ConnectorSession session = new ConnectorSession(client,
                    ConnectorDefinition.externalImport(connectorId, "Stixify", List.of("stixify")),
                    ConnectorInfo.initial(true, 500), ConnectorSession.PING_INTERVAL);
            try (session) {
                ConnectorRegistration reg = session.start();
                AmqpPublisher publisher = new AmqpPublisher(reg.mq(), reg.pushExchange(), reg.pushRouting(), Duration.ofSeconds(60), 3);
                try (AmqpBundleDelivery delivery = new AmqpBundleDelivery(client, publisher, new OpenCtiSplitter(),
                        reg.connectorUserId(), 16_000_000)) {
                    StixifyClient stixifyClient = StixifyClient.create(stixify.baseUrl(), key);
                    StixifyReportSink sink = new StixifyReportSink(client, connectorId, delivery);
                    OpenCtiStateStore store = new OpenCtiStateStore(session, delivery);
                    // The JIT compiles the hot paths during a first, unmeasured sync, as it would in a long-running connector.
                    new DossierSync(stixifyClient, sink, store, List.of(warmUp), Clock.systemUTC()).runOnce();
                    DossierSync sync = new DossierSync(stixifyClient, sink, store, List.of(dossier), Clock.systemUTC());
                    measure(() -> new Works(client, connectorId, StixifyReportSink.LABEL).inWork("Stixify Connector Run", w -> sync.runOnce()),
                            platform, broker, reports, perReport, warmUpReports, consume, connectorId, reg.pushQueue());
                }
            } finally {
                platform.deletePushQueue(connectorId);
            }
        }
    }

    private static java.util.Map<Long, Long> threadCpu() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        java.util.Map<Long, Long> out = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) out.put(id, Math.max(0, threads.getThreadCpuTime(id)));
        return out;
    }

    /** Which part of the run a thread belongs to, by its name; null for threads of no interest. */
    private static String threadGroup(String name) {
        if (name.startsWith("stixify-emulator") || name.startsWith("HTTP-Dispatcher") || name.startsWith("pool-")) return "emulators";
        if (name.equals("main")) return "fetch+parse+split";
        if (name.startsWith("opencti-amqp-publish")) return "serialize+publish";
        if (name.startsWith("AMQP Connection")) return "AMQP confirms";
        if (name.startsWith("HttpClient")) return "HTTP client";
        return null;
    }

    /** CPU used since {@code before} by the groups of {@link #threadGroup}, in nanoseconds. */
    private static Map<String, Long> groupCpu(Map<Long, Long> before) {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        for (String g : List.of("fetch+parse+split", "serialize+publish", "AMQP confirms", "HTTP client", "emulators")) out.put(g, 0L);
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            String group = threadGroup(info.getThreadName());
            if (group == null) continue;
            long used = Math.max(0, threads.getThreadCpuTime(info.getThreadId()) - before.getOrDefault(info.getThreadId(), 0L));
            out.merge(group, used, Long::sum);
        }
        return out;
    }

    /** Linux's USER_HZ, the unit of /proc/<pid>/stat times. */
    static final int CLOCK_TICKS = 100;

    /**
     * CPU (user + system, in clock ticks) of a RabbitMQ server on this machine, read from /proc; -1
     * when there is none (another OS, a remote broker, the embedded Qpid whose CPU is this JVM's).
     */
    static long localRabbitCpuTicks() {
        java.nio.file.Path proc = java.nio.file.Path.of("/proc");
        if (!java.nio.file.Files.isDirectory(proc)) return -1;
        try (var entries = java.nio.file.Files.newDirectoryStream(proc, "[0-9]*")) {
            for (java.nio.file.Path process : entries) {
                try {
                    String command = java.nio.file.Files.readString(process.resolve("cmdline"));
                    if (!command.contains("beam.smp") || !command.contains("rabbit")) continue;
                    String stat = java.nio.file.Files.readString(process.resolve("stat"));
                    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException | RuntimeException e) {
                    // a process that ended or cannot be read: not the broker
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(b -> Math.max(0, b.getCollectionTime())).sum();
    }

    private interface Run {
        SyncResult run() throws Exception;
    }

    private static void measure(Run run, OpenCtiEmulator platform, AmqpBroker broker, int reports, int perReport,
                                int warmUpReports, boolean consume, String connectorId, String pushQueue) throws Exception {
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

        long depthBefore = consume ? 0 : platform.pushQueueDepth(connectorId);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuStart = os.getProcessCpuTime();
        long jitStart = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long brokerStart = localRabbitCpuTicks();
        long gcStart = gcMillis();
        java.util.Map<Long, Long> threadsBefore = threadCpu();
        long start = System.nanoTime();
        SyncResult result = run.run();
        long cpu = os.getProcessCpuTime() - cpuStart;
        long jitMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitStart;
        long gcMillis = gcMillis() - gcStart;
        long brokerEnd = localRabbitCpuTicks();
        Map<String, Long> groups = groupCpu(threadsBefore);
        long emulatorCpu = groups.get("emulators");
        long confirmed = System.nanoTime();
        if (consume) platform.awaitSettled(Duration.ofMinutes(5));
        long consumed = System.nanoTime();
        sampling.set(false);
        sampler.join();

        long sent = result.objectsDelivered();
        double confirmedSeconds = (confirmed - start) / 1e9;
        double consumedSeconds = (consumed - start) / 1e9;
        System.out.printf("stixify-sync: %d reports x %d objects over AMQP (%s), after a %d-report warm-up%n",
                reports, perReport, broker.describe(), warmUpReports);
        System.out.printf("  reports delivered        : %d (%s)%n", result.reportsDelivered(), result.succeeded() ? "all" : "FAILURES");
        System.out.printf("  objects sent             : %d%n", sent);
        long inQueue = consume ? 0 : platform.pushQueueDepth(connectorId) - depthBefore;
        if (consume) {
            System.out.printf("  received by the worker   : %d%n", platform.received().objectCount());
        } else {
            System.out.printf("  messages in the queue    : %d (worker not consuming; run with --with-worker to add it)%n", inQueue);
        }
        System.out.printf("  sync time (confirmed)    : %.2f s -> %,.0f objects/s%n", confirmedSeconds, sent / confirmedSeconds);
        if (consume) System.out.printf("  until consumed by worker : %.2f s -> %,.0f objects/s%n", consumedSeconds, sent / consumedSeconds);
        System.out.printf("  CPU time of this JVM     : %.2f s (%,.0f objects per CPU-second; load average %.1f on %d cores)%n",
                cpu / 1e9, sent / (cpu / 1e9), os.getSystemLoadAverage(), os.getAvailableProcessors());
        System.out.printf("  of which emulator threads: %.2f s; the rest (connector, JIT, GC): %,.0f objects per CPU-second%n",
                emulatorCpu / 1e9, sent / ((cpu - emulatorCpu) / 1e9));
        long named = groups.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder split = new StringBuilder();
        groups.forEach((group, nanos) -> split.append(String.format("%s %.1f, ", group, nanos / 1e3 / sent)));
        System.out.printf("  CPU per object (us)      : %sother (JIT, GC, ...) %.1f%n", split, (cpu - named) / 1e3 / sent);
        System.out.printf("  JIT compiling, GC pauses : %.2f s, %.2f s (elapsed, during the measured sync)%n", jitMillis / 1e3, gcMillis / 1e3);
        if (brokerStart >= 0 && brokerEnd >= brokerStart) {
            double brokerSeconds = (brokerEnd - brokerStart) / (double) CLOCK_TICKS;
            System.out.printf("  RabbitMQ CPU (local)     : %.2f s (%.1f us per message) during the measured sync%n",
                    brokerSeconds, brokerSeconds * 1e6 / sent);
        }
        System.out.printf("  peak heap (this JVM)     : %.1f MB (max heap %.0f MB)%n", peak.get() / 1e6,
                memory.getHeapMemoryUsage().getMax() / 1e6);
        printCeiling(broker, consume, pushQueue, depthBefore, inQueue, sent / confirmedSeconds);
    }

    /**
     * The rate RabbitMQ alone allows for the messages of the measured sync, and the connector's rate
     * as a share of it. The messages are taken back from the push queue, so only when nothing consumes it.
     */
    private static void printCeiling(AmqpBroker broker, boolean consume, String pushQueue, long warmUpMessages,
                                     long inQueue, double connectorRate) throws Exception {
        if (consume || !broker.kind().equals("RabbitMQ")) {
            System.out.printf("  RabbitMQ alone           : not measured (%s)%n", consume
                    ? "the worker consumed the messages; run without --with-worker" : "the broker is not RabbitMQ but " + broker.kind());
            return;
        }
        // The queue also holds the warm-up sync's messages, oldest first.
        List<byte[]> bodies = RabbitCeiling.drain(broker.connectionFactory(), pushQueue, warmUpMessages);
        if (bodies.size() != inQueue) {
            System.out.printf("  RabbitMQ alone           : not measured (drained %d messages of the measured sync, the queue held %d)%n",
                    bodies.size(), inQueue);
            return;
        }
        RabbitCeiling.Result alone = RabbitCeiling.publishToFreshQueue(broker.connectionFactory(), bodies);
        String cpu = alone.brokerCpuSeconds() < 0 ? "" : String.format(", %.1f us CPU per message", alone.brokerCpuSeconds() * 1e6 / alone.messages());
        System.out.printf("  RabbitMQ alone           : %.2f s -> %,.0f msg/s%s (bare publisher, same %d messages, avg %d bytes)%n",
                alone.seconds(), alone.perSecond(), cpu, alone.messages(), alone.bytes() / Math.max(1, alone.messages()));
        System.out.printf("  connector vs RabbitMQ    : %,.0f of %,.0f msg/s = %.0f%% of what the broker alone allows%n",
                connectorRate, alone.perSecond(), 100 * connectorRate / alone.perSecond());
    }
}
