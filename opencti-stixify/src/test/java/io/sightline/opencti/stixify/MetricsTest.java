package io.sightline.opencti.stixify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.stixify.SyncResult;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CONNECTOR_EXPOSE_METRICS: pycti's Prometheus metrics, scraped over HTTP after a run. */
class MetricsTest {
    SyncEnvironment env;
    String dossier;

    @BeforeEach
    void start() {
        env = new SyncEnvironment();
        dossier = env.dossierWithSamples("report-rat-c2.json", "report-ransomware.json");
    }

    @AfterEach
    void stop() throws Exception {
        env.close();
    }

    Map<String, String> metricsEnv(int port) {
        Map<String, String> e = env.env("api", List.of(dossier));
        e.put("CONNECTOR_EXPOSE_METRICS", "true");
        e.put("CONNECTOR_METRICS_PORT", Integer.toString(port));
        e.put("CONNECTOR_METRICS_NAMESPACE", "opencti");
        e.put("CONNECTOR_METRICS_SUBSYSTEM", "stixify");
        return e;
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void countersAreScrapedWithPyctiNamesAfterARun() throws Exception {
        int port = freePort();
        try (StixifyConnector connector = StixifyConnector.start(ConnectorConfig.load(new ConfigSource(metricsEnv(port), null)))) {
            SyncResult result = connector.runOnce();
            assertThat(result.succeeded()).isTrue();
            HttpResponse<String> scrape = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(scrape.statusCode()).isEqualTo(200);
            assertThat(scrape.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
            String body = scrape.body();
            int pushes = env.platform.received().apiBundles().size();
            assertThat(pushes).isPositive();
            assertThat(body)
                    .contains("# TYPE opencti_stixify_bundles_sent_total counter\n")
                    .contains("opencti_stixify_bundles_sent_total " + pushes + ".0\n")
                    .contains("opencti_stixify_records_sent_total " + result.objectsDelivered() + ".0\n")
                    .contains("opencti_stixify_runs_total 1.0\n")
                    .contains("opencti_stixify_errors_total 0.0\n")
                    .contains("opencti_stixify_ping_api_total 0.0\n")
                    .contains("opencti_stixify_ping_api_errors_total 0.0\n")
                    .contains("opencti_stixify_client_errors_total 0.0\n")
                    .contains("opencti_stixify_bundles_sent_created ")
                    .contains("opencti_stixify_state{opencti_stixify_state=\"idle\"} 1.0\n")
                    .contains("opencti_stixify_state{opencti_stixify_state=\"running\"} 0.0\n");
        }
    }

    @Test
    void aPortInUseStopsTheStartNamingTheSettingBeforeAnythingIsSent() throws Exception {
        try (ServerSocket busy = new ServerSocket(0)) {
            ConnectorConfig config = ConnectorConfig.load(new ConfigSource(metricsEnv(busy.getLocalPort()), null));
            assertThatThrownBy(() -> StixifyConnector.start(config))
                    .hasMessageContaining("CONNECTOR_METRICS_PORT (connector.metrics_port) " + busy.getLocalPort() + " is already in use");
        }
        assertThat(env.platform.isRegistered(env.connectorId)).isFalse();
    }
}
