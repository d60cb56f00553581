package io.sightline.testkit.demo;

import io.sightline.testkit.bench.HubProcess;
import io.sightline.testkit.cortex.CortexEmulator;
import io.sightline.testkit.misp.MispEmulator;
import io.sightline.testkit.stixify.StixFixtures;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * {@code ./sightline demo}: the hub on its embedded database with the MISP, Cortex and Stixify
 * emulators, configured and seeded with the real sample data, so that everything can be tried
 * offline. Data lives in ./demo-data; the hub listens on SERVER_PORT (9000).
 */
public final class Demo {
    static final String PASSWORD = "sightline-demo";
    static final String API_KEY = "sl_demo_key_0123456789abcdef";
    static final String STIXIFY_KEY = "demo-stixify-key";

    private Demo() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: Demo <path of sightline-server.jar>");
            System.exit(2);
        }
        Path fixtures = StixFixtures.root();
        MispEmulator misp = MispEmulator.start(MispEmulator.Options.defaults().load(fixtures.resolve("misp")));
        CortexEmulator cortex = CortexEmulator.start();
        StixifyEmulator stixify = StixifyEmulator.start(STIXIFY_KEY);
        String dossier = stixify.addDossier("APT reports");
        Instant added = Instant.now().minus(30, ChronoUnit.DAYS);
        for (String report : List.of("oasis-apt1-report.json", "oasis-poisonivy-report.json", "oasis-indicators-for-C2-with-COA.json")) {
            stixify.addFixtureReport(dossier, report, added);
            added = added.plus(1, ChronoUnit.DAYS);
        }

        Path data = Path.of("demo-data").toAbsolutePath();
        Files.createDirectories(data);
        Path config = data.resolve("demo-connectors.yml");
        Files.writeString(config, connectors(misp, cortex, stixify, dossier));
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "9000"));
        Path log = data.resolve("hub.log");
        System.out.println("Starting the Sightline demo (hub log: " + log + ") ...");
        HubProcess hub = HubProcess.start(Path.of(args[0]), null,
                List.of("--spring.config.additional-location=file:" + config), log, port, data,
                Map.of("SIGHTLINE_ADMIN_PASSWORD", PASSWORD, "SIGHTLINE_ADMIN_API_KEY", API_KEY));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            hub.close();
            misp.close();
            cortex.close();
            stixify.close();
        }));
        System.out.println();
        System.out.println("Sightline demo is running, offline:");
        System.out.println("  web UI and API   " + hub.url() + "   login admin / " + PASSWORD + "   API key " + API_KEY);
        System.out.println("  MISP emulator    " + misp.baseUrl() + " (the sample events arrive as alerts)");
        System.out.println("  Cortex emulator  " + cortex.baseUrl() + " (VirusTotal_GetReport and friends)");
        System.out.println("  Stixify emulator " + stixify.baseUrl() + " (dossier 'APT reports' fills the intel store)");
        System.out.println("Try: create a case, add the hash 4a821767c6ce723e6fb4b8d54efd52df6cbd63fc0de47a7b8b39a6ec72b4be69,");
        System.out.println("run an analyzer, export the case to 'MISP Demo', and look at About. Ctrl+C stops everything.");
        Thread.currentThread().join();
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
