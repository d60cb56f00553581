package io.sightline.testkit.bench;

import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.stixify.ReportObjects;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.stix.StixJson;
import io.sightline.stix.StixObjectReader;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.stix.split.SplitObject;
import io.sightline.stix.split.SplitPlan;
import io.sightline.testkit.stixify.GeneratedReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.Iterator;
import tools.jackson.core.JsonGenerator;

/**
 * {@code ./sightline bench stix-parse [objects]}: speed of the STIX pipeline on a generated report
 * (default 100,000 objects): parsing a serialized bundle with the streaming reader, splitting it
 * OpenCTI-style (plan + reading every message back), and the whole path from the Stixify emulator
 * over loopback HTTP through the client into the splitter. Prints objects per second and the peak
 * heap; run with {@code JAVA_OPTS=-Xmx256m} to check the bounded-memory claim.
 */
public final class StixParseBench {
    private StixParseBench() {}

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        GeneratedReportSource source = new GeneratedReportSource(objects, 1, 100);
        byte[] bundle = serialize(source);
        System.out.printf("generated report: %,d objects, %,d bytes as a bundle%n", objects, bundle.length);

        for (int round = 1; round <= 3; round++) {
            long start = System.nanoTime();
            int count = 0;
            try (StixObjectReader reader = StixObjectReader.open(new ByteArrayInputStream(bundle))) {
                while (reader.hasNext()) {
                    reader.next();
                    count++;
                }
            }
            report("parse (round " + round + ")", count, start);
        }

        for (int round = 1; round <= 2; round++) {
            long start = System.nanoTime();
            int sent;
            try (StixObjectReader reader = StixObjectReader.open(new ByteArrayInputStream(bundle));
                    SplitPlan plan = new OpenCtiSplitter().plan(reader)) {
                sent = drain(plan);
            }
            report("parse + split + read back (round " + round + ")", objects, start);
            System.out.printf("  %,d messages%n", sent);
        }

        // 50 reports of 2,000 objects, the shape of the stixify-sync benchmark: no spilling.
        long smallStart = System.nanoTime();
        int smallSent = 0;
        for (int report = 0; report < 50; report++) {
            GeneratedReportSource small = new GeneratedReportSource(2_000, 100 + report, 100);
            try (SplitPlan plan = new OpenCtiSplitter().plan(small.objects(0, small.size()))) {
                for (SplitObject object : plan) {
                    object.toBundleJson("bundle--00000000-0000-4000-8000-000000000002");
                    smallSent++;
                }
            }
        }
        report("50 x 2,000 objects: split + bundle JSON", 100_000, smallStart);
        System.out.printf("  %,d messages%n", smallSent);

        bundle = null; // the last phase streams from the emulator; do not count the serialized copy
        System.gc();
        try (StixifyEmulator emulator = StixifyEmulator.start("bench-key")) {
            String dossier = emulator.addDossier("bench");
            String reportId = emulator.addReport(dossier, "bench", source, Instant.now());
            StixifyClient client = new StixifyClient(HttpTarget.create(StixifyClient.config(emulator.baseUrl(), "bench-key").build()));
            long start = System.nanoTime();
            int sent;
            try (ReportObjects stream = client.reportObjects(reportId); SplitPlan plan = new OpenCtiSplitter().plan(stream)) {
                sent = drain(plan);
            }
            report("emulator -> HTTP -> client -> split", objects, start);
            System.out.printf("  %,d messages, %,d HTTP requests%n", sent, emulator.requestCount());
        }
        System.out.printf("peak heap: %,d MB (max heap %,d MB)%n", peakHeap() / (1024 * 1024),
                Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    private static int drain(SplitPlan plan) {
        int sent = 0;
        for (Iterator<SplitObject> it = plan.iterator(); it.hasNext(); ) {
            it.next();
            sent++;
        }
        return sent;
    }

    private static byte[] serialize(GeneratedReportSource source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = StixJson.mapper().createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "bundle");
            json.writeStringProperty("id", "bundle--00000000-0000-4000-8000-000000000001");
            json.writeName("objects");
            json.writeStartArray();
            source.objects(0, source.size()).forEachRemaining(json::writeTree);
            json.writeEndArray();
            json.writeEndObject();
        }
        return out.toByteArray();
    }

    private static void report(String what, int objects, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        System.out.printf("%-45s %8.2f s  %,12.0f objects/s%n", what, seconds, objects / seconds);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return peak;
    }
}
