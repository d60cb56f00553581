package io.sightline.testkit.opencti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.RetryPolicy;
import io.sightline.integrations.opencti.ConnectorDefinition;
import io.sightline.integrations.opencti.ConnectorInfo;
import io.sightline.integrations.opencti.ConnectorRegistration;
import io.sightline.integrations.opencti.ConnectorSession;
import io.sightline.integrations.opencti.HttpGraphqlTransport;
import io.sightline.integrations.opencti.OpenCtiClient;
import io.sightline.integrations.opencti.OpenCtiException;
import io.sightline.integrations.opencti.Works;
import io.sightline.testkit.amqp.AmqpBroker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class OpenCtiProtocolTest {
    static final String TOKEN = "test-token-" + UUID.randomUUID();
    static AmqpBroker broker;
    static OpenCtiEmulator platform;

    @BeforeAll
    static void start() {
        broker = AmqpBroker.start();
        platform = OpenCtiEmulator.start(TOKEN, broker);
    }

    @AfterAll
    static void stop() throws Exception {
        platform.close();
        broker.close();
    }

    static OpenCtiClient client(String token) {
        return client(platform, token);
    }

    static OpenCtiClient client(OpenCtiEmulator on, String token) {
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("opencti", on.url())
                .auth(HttpAuth.bearer(token)).retry(RetryPolicy.NONE).build());
        return new OpenCtiClient(new HttpGraphqlTransport(target, Map.of()));
    }

    static ConnectorDefinition definition(String id) {
        return ConnectorDefinition.externalImport(id, "Stixify", List.of("stixify"));
    }

    static ConnectorSession session(String id) {
        return session(platform, id);
    }

    static ConnectorSession session(OpenCtiEmulator on, String id) {
        return new ConnectorSession(client(on, TOKEN), definition(id), ConnectorInfo.initial(true, 500), Duration.ofSeconds(40));
    }

    @Test
    void healthCheckAnswersTheVersionAndABadTokenIsNamedPrecisely() {
        assertThat(client(TOKEN).healthCheck()).isEqualTo(OpenCtiEmulator.VERSION);
        assertThatThrownBy(() -> client("wrong").healthCheck())
                .isInstanceOf(OpenCtiException.class)
                .hasMessageContaining("HealthCheck").hasMessageContaining("AUTH_REQUIRED")
                .satisfies(e -> assertThat(((OpenCtiException) e).errorName()).isEqualTo("AUTH_REQUIRED"));
    }

    @Test
    void registrationHandsOutThePushExchangeRoutingAndBroker() {
        String id = UUID.randomUUID().toString();
        ConnectorRegistration r = client(TOKEN).registerConnector(definition(id));
        assertThat(r.id()).isEqualTo(id);
        assertThat(r.pushExchange()).isEqualTo("amqp.worker.exchange");
        assertThat(r.pushRouting()).isEqualTo("push_routing_" + id);
        assertThat(r.connectorUserId()).isNotBlank();
        assertThat(r.mq().port()).isEqualTo(broker.port());
        assertThat(r.mq().password()).isEqualTo(broker.password());
        assertThat(new io.sightline.integrations.opencti.MqSettings("h", 1, "/", false, "u", "s3cret").toString())
                .doesNotContain("s3cret");
        assertThat(r.state()).isNull();
        assertThat(platform.registrations(id)).isEqualTo(1);
    }

    @Test
    void strictSixXSchemaRejectsSevenXInputFieldsAndSelections() throws Exception {
        String withVersion = """
                {"query":"mutation RegisterConnector($input: RegisterConnectorInput) { registerConnector(input: $input) { id } }",
                 "variables":{"input":{"id":"%s","name":"Stixify","type":"EXTERNAL_IMPORT","scope":["stixify"],"version":"7.0"}}}
                """.formatted(UUID.randomUUID());
        HttpResponse<String> answer = rawPost(withVersion);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("Field \\\"version\\\" is not defined by type \\\"RegisterConnectorInput\\\"");

        String withJwks = """
                {"query":"mutation RegisterConnector($input: RegisterConnectorInput) { registerConnector(input: $input) { id jwks } }",
                 "variables":{"input":{"id":"%s","name":"Stixify","type":"EXTERNAL_IMPORT"}}}
                """.formatted(UUID.randomUUID());
        assertThat(rawPost(withJwks).body()).contains("Cannot query field \\\"jwks\\\" on type \\\"Connector\\\"");

        String multipart = """
                {"query":"mutation W($connectorId: String!, $friendlyName: String, $isMultiPartWork: Boolean) { workAdd(connectorId: $connectorId, friendlyName: $friendlyName, isMultiPartWork: $isMultiPartWork) { id } }",
                 "variables":{"connectorId":"x","friendlyName":"y","isMultiPartWork":true}}
                """;
        assertThat(rawPost(multipart).body()).contains("Unknown argument \\\"isMultiPartWork\\\"");
    }

    @Test
    void stateIsStoredOnSaveAndAResetInTheUiIsAdoptedAtTheNextPing() {
        String id = UUID.randomUUID().toString();
        try (ConnectorSession s = session(id)) {
            s.start();
            assertThat(s.state()).isNull();
            ObjectNode state = JsonMapper.builder().build().createObjectNode();
            state.putObject("dossiers").putObject("d1").put("last_run_at", "2026-01-01T00:00:00.000000+00:00");
            s.saveState(state);
            assertThat(platform.state(id)).isEqualTo(state.toString());

            platform.resetState(id);
            s.ping();
            assertThat(s.state()).isNull();
            assertThat(s.resetsSeen()).isEqualTo(1);
            assertThat(platform.state(id)).isEmpty();

            s.saveState(state);
            assertThat(platform.state(id)).isEqualTo(state.toString());
        }
    }

    @Test
    void aResetMadeWhileTheConnectorWasStoppedDoesNotSwallowTheFirstSave() {
        String id = UUID.randomUUID().toString();
        ObjectNode state = JsonMapper.builder().build().createObjectNode();
        state.putObject("dossiers").putObject("d1").put("last_run_at", "2026-01-01T00:00:00+00:00");
        try (ConnectorSession s = session(id)) {
            s.start();
            s.saveState(state);
        }
        platform.resetState(id);
        try (ConnectorSession s = session(id)) {
            s.start();
            assertThat(s.state()).isNull();
            s.saveState(state);
            assertThat(platform.state(id)).isEqualTo(state.toString());
            assertThat(s.state()).isEqualTo(state);
        }
    }

    @Test
    void pingsCarryTheConnectorInfo() {
        String id = UUID.randomUUID().toString();
        try (ConnectorSession s = session(id)) {
            s.start();
            s.recordRun(java.time.Instant.parse("2026-03-01T10:00:00Z"), null);
        }
        assertThat(platform.connectorInfo(id).path("run_and_terminate").asBoolean()).isTrue();
        assertThat(platform.connectorInfo(id).path("queue_threshold").asDouble()).isEqualTo(500.0);
        assertThat(platform.connectorInfo(id).path("last_run_datetime").asString()).isEqualTo("2026-03-01T10:00:00Z");
    }

    @Test
    void worksAreClosedDoneOrInErrorWithTheOriginalMessages() {
        String id = UUID.randomUUID().toString();
        OpenCtiClient client = client(TOKEN);
        client.registerConnector(definition(id));
        Works works = new Works(client, id, "[Stixify]");
        assertThatThrownBy(() -> works.inWork("Dossier: Broken (d-2)", workId -> {
            throw new IllegalStateException("stixify said no");
        })).isInstanceOf(IllegalStateException.class);
        List<EmulatedWork.View> mine = platform.works().stream().filter(w -> w.connectorId().equals(id)).toList();
        assertThat(mine).singleElement().satisfies(w -> {
            assertThat(w.name()).isEqualTo("Dossier: Broken (d-2)");
            assertThat(w.inError()).isTrue();
            assertThat(w.status()).isEqualTo("complete");
            assertThat(w.messages()).singleElement().asString()
                    .startsWith("[Stixify] Work failed - java.lang.IllegalStateException: stixify said no");
        });
    }

    @Test
    void graphqlErrorsOfThePlatformAreSurfacedWithTheirName() {
        String id = UUID.randomUUID().toString();
        OpenCtiClient client = client(TOKEN);
        assertThatThrownBy(() -> client.workAdd(id, "Stixify Connector Run"))
                .isInstanceOf(OpenCtiException.class)
                .hasMessageContaining("WorkAdd").hasMessageContaining("FUNCTIONAL_ERROR")
                .hasMessageContaining("Connector " + id + " not found");
    }

    private static HttpResponse<String> rawPost(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.url() + "/graphql"))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
