package io.sightline.server.connectors.stixify;

import io.sightline.testkit.stixify.ReportSource;
import io.sightline.testkit.stixify.StixifyEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The Stixify emulator and the dossiers {@link StixifyConnectorContract} works on: the real STIX
 * fixtures as reports, one dossier per test. Each database variant gets its own, since the tests
 * count the requests the emulator served and switch its faults.
 */
final class StixifyDossiers implements AutoCloseable {
    static final String APT1 = "oasis-apt1-report.json";
    static final String C2 = "oasis-indicators-for-C2-with-COA.json";
    static final String SCOS = "stix2-python-sco-examples-list.json";
    static final String POISON_IVY = "oasis-poisonivy-report.json";

    final String apiKey = "stixify-secret-key-" + UUID.randomUUID();
    final StixifyEmulator emulator = StixifyEmulator.start(apiKey);
    final String history = UUID.randomUUID().toString();
    final String later = UUID.randomUUID().toString();
    final String flaky = UUID.randomUUID().toString();
    final FlakyReportSource flakySource = new FlakyReportSource(ReportSource.fixture(POISON_IVY));
    final String apt1Report;
    final String c2Report;
    final String laterFirstReport;
    final String flakyGoodReport;
    final String flakyBadReport;
    /** A dossier whose second report always fails: set aside after 3 runs. */
    final String stubborn = UUID.randomUUID().toString();
    final FlakyReportSource stubbornSource = new FlakyReportSource(ReportSource.fixture(POISON_IVY));
    final String stubbornBadReport;

    StixifyDossiers() {
        Instant past = Instant.now().minus(Duration.ofDays(30));
        emulator.addDossier(history, "History", true);
        emulator.addDossier(later, "Later", true);
        emulator.addDossier(flaky, "Flaky", true);
        emulator.addDossier(UUID.randomUUID().toString(), "Not configured", true);
        apt1Report = emulator.addFixtureReport(history, APT1, past);
        c2Report = emulator.addFixtureReport(history, C2, past.plusSeconds(60));
        laterFirstReport = emulator.addFixtureReport(later, C2, past);
        flakyGoodReport = emulator.addFixtureReport(flaky, C2, past);
        flakyBadReport = emulator.addReport(flaky, "Poison Ivy", flakySource, past.plusSeconds(60));
        emulator.addDossier(stubborn, "Stubborn", true);
        emulator.addFixtureReport(stubborn, C2, past);
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
