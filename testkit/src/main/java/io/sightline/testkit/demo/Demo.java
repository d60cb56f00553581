package io.sightline.testkit.demo;

import io.sightline.testkit.bench.HubProcess;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.misp.MispEmulator;
import io.sightline.testkit.samples.Samples;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sightline demo}: the hub on its embedded database with the MISP, Cortex and Stixify
 * emulators, configured and seeded with the project's own sample data ({@link Samples}), so that
 * everything can be tried offline from a plain clone. Data lives in ./demo-data; the hub listens on
 * SERVER_PORT (9000). {@code --check} starts the same set-up on a free port and a fresh data
 * folder, waits until the samples are imported ({@link DemoCheck}), stops everything and exits.
 */
public final class Demo {
    static final String PASSWORD = "sightline-demo";
    static final String API_KEY = "sl_demo_key_0123456789abcdef";
    static final String STIXIFY_KEY = "demo-stixify-key";
    static final List<String> STIX_REPORTS = List.of("report-webmail-phishing.json", "report-rat-c2.json",
            "report-ransomware.json");
    /** A file hash of the samples: in a MISP event, a Stixify report and worth a Cortex analysis. */
    static final String SAMPLE_HASH = "31acc076708770aacb7a408154e8803881b7f8eef4e1dec153ce35234e6f4229";

    private Demo() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || (args.length > 1 && !args[1].equals("--check"))) {
            System.err.println("usage: Demo <path of sightline-server.jar> [--check]");
            System.exit(2);
        }
        boolean check = args.length > 1;
        MispEmulator misp = MispEmulator.start(MispEmulator.Options.defaults().load(Samples.misp()));
        CortexEmulator cortex = CortexEmulator.start();
        StixifyEmulator stixify = StixifyEmulator.start(STIXIFY_KEY);
        String dossier = stixify.addDossier("APT reports");
        Instant added = Instant.now().minus(30, ChronoUnit.DAYS);
        for (String report : STIX_REPORTS) {
            stixify.addSampleReport(dossier, report, added);
            added = added.plus(1, ChronoUnit.DAYS);
        }

        Path data = check ? Files.createTempDirectory("sightline-demo-check-") : Path.of("demo-data").toAbsolutePath();
        Files.createDirectories(data);
        Path config = data.resolve("demo-connectors.yml");
        Files.writeString(config, connectors(misp, cortex, stixify, dossier));
        int port = check ? HubProcess.freePort() : Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "9000"));
        // the check signs in with the launcher's own admin key, so the hub is usable as soon as it answers
        Map<String, String> env = check ? Map.of("SIGHTLINE_ADMIN_PASSWORD", PASSWORD)
                : Map.of("SIGHTLINE_ADMIN_PASSWORD", PASSWORD, "SIGHTLINE_ADMIN_API_KEY", API_KEY);
        Path log = data.resolve("hub.log");
        System.out.println("Starting the Sightline demo (hub log: " + log + ") ...");
        HubProcess hub;
        try {
            hub = HubProcess.start(Path.of(args[0]), null,
                    List.of("--spring.config.additional-location=file:" + config), log, port, data, env);
        } catch (RuntimeException e) {
            System.err.println("Demo: the hub did not start: " + e.getMessage() + " (see " + log + ")");
            misp.close();
            cortex.close();
            stixify.close();
            System.exit(1);
            return;
        }
        Runnable stopAll = () -> {
            hub.close();
            misp.close();
            cortex.close();
            stixify.close();
        };
        if (check) {
            int status = new DemoCheck(hub.url(), HubProcess.ADMIN_KEY, misp.store().eventIds().size(), STIX_REPORTS.size())
                    .run(DemoCheck.TIMEOUT);
            stopAll.run();
            if (status == 0) deleteTree(data);
            else System.err.println("Demo check: the hub log is kept at " + log);
            System.exit(status);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stopAll));
        System.out.println();
        System.out.println("Sightline demo is running, offline:");
        System.out.println("  web UI and API   " + hub.url() + "   login admin / " + PASSWORD + "   API key " + API_KEY);
        System.out.println("  MISP emulator    " + misp.baseUrl() + " (the sample events arrive as alerts)");
        System.out.println("  Cortex emulator  " + cortex.baseUrl() + " (VirusTotal_GetReport and friends)");
        System.out.println("  Stixify emulator " + stixify.baseUrl() + " (dossier 'APT reports' fills the intel store)");
        System.out.println("Try: create a case, add the hash " + SAMPLE_HASH + ",");
        System.out.println("run an analyzer, export the case to 'MISP Demo', and look at About. Ctrl+C stops everything.");
        Thread.currentThread().join();
    }

    /** Removes the check's throw-away data folder (its H2 database and log). */
    private static void deleteTree(Path dir) throws java.io.IOException {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static String connectors(MispEmulator misp, CortexEmulator cortex, StixifyEmulator stixify, String dossier) {
        return """
                misp:
                  interval: 10 minutes
                  servers:
                    - name: MISP Demo
                      url: %s
                      auth: { type: key, key: "%s" }
                      purpose: ImportAndExport
                cortex:
                  servers:
                    - name: Cortex Demo
                      url: %s
                      auth: { type: bearer, key: "%s" }
                  refreshDelay: 2 seconds
                  maxRetryOnError: 3
                  statusCheckInterval: 30 seconds
                stixify:
                  base_url: %s
                  api_key: "%s"
                  dossier_ids: "%s"
                  interval: 1 hour
                """.formatted(misp.baseUrl(), misp.apiKey(), cortex.baseUrl(), cortex.apiKey(), stixify.baseUrl(),
                STIXIFY_KEY, dossier);
    }
}
