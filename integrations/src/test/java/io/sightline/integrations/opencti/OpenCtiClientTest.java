package io.sightline.integrations.opencti;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTarget;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.integrations.http.RetryPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenCtiClientTest {
    WireMockServer server;
    OpenCtiClient client;

    @BeforeEach
    void start() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
        HttpTarget target = HttpTarget.create(HttpTargetConfig.builder("opencti", server.baseUrl())
                .auth(HttpAuth.bearer("secret-token")).retry(RetryPolicy.NONE).build());
        client = new OpenCtiClient(new HttpGraphqlTransport(target, Map.of("X-Tenant", "blue")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void registrationSendsOnlySixXFieldsWithTheTokenAndCustomHeaders() {
        server.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"data":{"registerConnector":{"id":"c1","connector_state":"{\\"dossiers\\":{}}","connector_user_id":"u1",
                 "config":{"connection":{"host":"mq","vhost":"/","use_ssl":false,"port":5672,"user":"opencti","pass":"pw"},
                 "listen":"listen_c1","listen_routing":"listen_routing_c1","listen_exchange":"amqp.connector.exchange",
                 "push":"push_c1","push_routing":"push_routing_c1","push_exchange":"amqp.worker.exchange"}}}}""")));
        ConnectorRegistration r = client.registerConnector(ConnectorDefinition.externalImport("c1", "Stixify", List.of("stixify")));
        assertThat(r.state()).isEqualTo("{\"dossiers\":{}}");
        assertThat(r.mq().password()).isEqualTo("pw");
        assertThat(r.pushRouting()).isEqualTo("push_routing_c1");
        server.verify(postRequestedFor(urlEqualTo("/graphql"))
                .withHeader("Authorization", equalTo("Bearer secret-token"))
                .withHeader("X-Tenant", equalTo("blue"))
                .withRequestBody(matchingJsonPath("$.variables.input.scope[0]", equalTo("stixify")))
                .withRequestBody(matchingJsonPath("$.variables.input.version", com.github.tomakehurst.wiremock.client.WireMock.absent()))
                .withRequestBody(matchingJsonPath("$.variables.input.slug", com.github.tomakehurst.wiremock.client.WireMock.absent())));
        assertThat(server.getAllServeEvents().get(0).getRequest().getBodyAsString()).doesNotContain("jwks").doesNotContain("s3");
    }

    @Test
    void aGatewayErrorIsReportedWithItsStatusAndBody() {
        server.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withStatus(502).withBody("upstream connect error")));
        assertThatThrownBy(() -> client.healthCheck())
                .isInstanceOf(OpenCtiException.class)
                .hasMessageContaining("HealthCheck").hasMessageContaining("502");
    }

    @Test
    void theFirstGraphqlErrorIsNamedByItsExtensionCodeWhenItHasNoName() {
        server.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(
                "{\"errors\":[{\"message\":\"Work not found\",\"extensions\":{\"code\":\"NOT_FOUND\"}},{\"message\":\"second\"}],\"data\":null}")));
        assertThatThrownBy(() -> client.workToProcessed("w1", "done", false))
                .isInstanceOf(OpenCtiException.class)
                .hasMessage("OpenCTI WorkToProcessed failed [NOT_FOUND]: Work not found (+1 more)")
                .satisfies(e -> assertThat(((OpenCtiException) e).errorName()).isEqualTo("NOT_FOUND"));
    }

    @Test
    void anEmptyStateFromAPingIsReturnedAsIs() {
        server.stubFor(post(urlEqualTo("/graphql")).willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("{\"data\":{\"pingConnector\":{\"id\":\"c1\",\"connector_state\":\"\"}}}")));
        assertThat(client.pingConnector("c1", "{\"dossiers\":{}}", ConnectorInfo.initial(false, 500))).isEmpty();
        server.verify(postRequestedFor(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.connectorInfo.queue_threshold", equalTo("500.0")))
                .withRequestBody(matchingJsonPath("$.variables.state", equalTo("{\"dossiers\":{}}"))));
    }
}
