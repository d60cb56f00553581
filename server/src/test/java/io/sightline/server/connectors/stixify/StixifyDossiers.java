package io.sightline.server.connectors.stixify;

import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Stixify emulator and the dossiers {@link StixifyConnectorContract} works on: the project's
 * STIX samples as reports, one dossier per test. Each database variant gets its own, since the tests
 * count the requests the emulator served and switch its faults.
 */
final class StixifyDossiers implements AutoCloseable {
    static final String PHISHING = "report-webmail-phishing.json";
    static final String RANSOMWARE = "report-ransomware.json";
    static final String RAT_C2 = "report-rat-c2.json";
    static final String VPN = "report-vpn-exploitation.json";

    final String apiKey = "stixify-secret-key-" + UUID.randomUUID();
    final StixifyEmulator emulator = StixifyEmulator.start(apiKey);
    final String history = UUID.randomUUID().toString();
    final String later = UUID.randomUUID().toString();
    final String flaky = UUID.randomUUID().toString();
    final FlakyReportSource flakySource = new FlakyReportSource(ReportSource.sample(VPN));
    final String phishingReport;
    final String ransomwareReport;
    final String laterFirstReport;
    final String flakyGoodReport;
    final String flakyBadReport;
    /** A dossier whose second report always fails: set aside after 3 runs. */
    final String stubborn = UUID.randomUUID().toString();
    final FlakyReportSource stubbornSource = new FlakyReportSource(ReportSource.sample(VPN));
    final String stubbornBadReport;

    StixifyDossiers() {
        Instant past = Instant.now().minus(Duration.ofDays(30));
        emulator.addDossier(history, "History", true);
        emulator.addDossier(later, "Later", true);
        emulator.addDossier(flaky, "Flaky", true);
        emulator.addDossier(UUID.randomUUID().toString(), "Not configured", true);
        phishingReport = emulator.addSampleReport(history, PHISHING, past);
        ransomwareReport = emulator.addSampleReport(history, RANSOMWARE, past.plusSeconds(60));
        laterFirstReport = emulator.addSampleReport(later, RANSOMWARE, past);
        flakyGoodReport = emulator.addSampleReport(flaky, RANSOMWARE, past);
        flakyBadReport = emulator.addReport(flaky, "VPN", flakySource, past.plusSeconds(60));
        emulator.addDossier(stubborn, "Stubborn", true);
        emulator.addSampleReport(stubborn, RANSOMWARE, past);
        stubbornBadReport = emulator.addReport(stubborn, "Always broken", stubbornSource, past.plusSeconds(60));
    }

    /** The hub's {@code stixify} block for these dossiers (ids with stray spaces, as users type them). */
    void register(DynamicPropertyRegistry registry) {
        registry.add("stixify.base_url", emulator::baseUrl);
        registry.add("stixify.api_key", () -> apiKey);
        registry.add("stixify.dossier_ids", () -> " " + history + " , " + later + "," + flaky + "," + stubborn + " ");
        registry.add("stixify.interval", () -> "1 hour");
    }

    @Override
    public void close() {
        emulator.close();
    }
}
