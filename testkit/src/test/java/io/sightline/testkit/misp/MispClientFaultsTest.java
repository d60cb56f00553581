package io.sightline.testkit.misp;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.MispEventQuery;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.model.MispEventSummary;
import io.sightline.integrations.misp.model.MispNewAttribute;
import io.sightline.integrations.misp.model.MispNewEvent;
import io.sightline.integrations.misp.reading.MispEventListener;
import io.sightline.integrations.misp.reading.MispFormatException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpAuthException;
import io.sightline.integrations.http.HttpRequestTimeoutException;
import io.sightline.integrations.http.HttpStatusException;
import io.sightline.integrations.http.HttpTlsException;
import io.sightline.integrations.http.TlsSettings;
import io.sightline.testkit.samples.Samples;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault the emulator injects, and what the client does about it. */
class MispClientFaultsTest {

    /** Attributes of the sample event, its objects' included. */
    static final int SAMPLE_ATTRIBUTES = 14;

    MispEmulator misp;
    MispTestSupport.RecordingSleeper sleeper;
    MispClient client;
    String event;

    @BeforeEach
    void start() {
        misp = MispEmulator.start(MispEmulator.Options.defaults()
                .load(Samples.file("misp/event-webmail-phishing.json")));
        event = misp.store().eventIds().get(0);
        sleeper = new MispTestSupport.RecordingSleeper();
        client = MispTestSupport.client(MispTestSupport.config(misp).build(), sleeper);
    }

    @AfterEach
    void stop() {
        misp.close();
    }

    private long fetchEvent() {
        List<MispAttribute> attributes = new ArrayList<>();
        return client.fetchEvent(event, false, (MispEventListener) attributes::add);
    }

    @Test
    void serverErrorsAreRetriedThenSucceed() {
        misp.faults().serverError("/events/view", 2);

        assertThat(fetchEvent()).isEqualTo(SAMPLE_ATTRIBUTES);
        assertThat(misp.requestCount("GET /events/view")).isEqualTo(3);
        assertThat(sleeper.waits).hasSize(2);
    }

    @Test
    void persistentServerErrorsFailWithTheStatusAfterTheAllowedAttempts() {
        misp.faults().serverError("/servers/getVersion", 10);

        assertThatThrownBy(client::version)
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("HTTP 500")
                .hasMessageContaining("An Internal Error Has Occurred.")
                .hasMessageContaining("gave up after 3 attempts")
                .satisfies(e -> assertThat(((HttpStatusException) e).isTransient()).isTrue());
        assertThat(misp.requestCount("GET /servers/getVersion")).isEqualTo(3);
    }

    @Test
    void rateLimitWaitsWhatRetryAfterSays() {
        misp.faults().rateLimited("/events/index", 1, Duration.ofSeconds(7));

        List<MispEventSummary> events = new ArrayList<>();
        client.searchEvents(MispEventQuery.builder().build(), events::add);

        assertThat(events).hasSize(1);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(7));
        assertThat(misp.requestCount("POST /events/index")).isEqualTo(2);
    }

    @Test
    void writesAreRepeatedAfterA429ButNeverAfterA500() {
        misp.faults().rateLimited("/events", 1, Duration.ofSeconds(2));
        String id = client.createEvent(new MispNewEvent("after 429",
                LocalDate.of(2026, 3, 4), 2, 0, 0, false, List.of(), List.of(), null)).summary().id();

        assertThat(misp.store().writes()).containsExactly("create event " + id);
        assertThat(sleeper.waits).containsExactly(Duration.ofSeconds(2));

        misp.faults().serverError("/attributes/add", 1);
        assertThatThrownBy(() -> client.addAttribute(id, new MispNewAttribute(
                "ip-dst", "Network activity", "198.51.100.1", true, "", null, List.of())))
                .isInstanceOf(HttpStatusException.class)
                .hasMessageContaining("HTTP 500");
        assertThat(misp.requestCount("POST /attributes/add")).as("a 500 may hide a stored write").isEqualTo(1);
    }

    @Test
    void slowAnswerWithinTheTimeoutIsAwaitedAndBeyondItTimesOutThenRetries() {
        MispClient impatient = MispTestSupport.client(MispTestSupport.config(misp)
                .requestTimeout(Duration.ofMillis(400)).build(), sleeper);

        misp.faults().slow("/servers/getVersion", 1, Duration.ofMillis(100));
        assertThat(impatient.version().version()).isEqualTo("2.5.17");

        misp.faults().slow("/servers/getVersion", 1, Duration.ofMillis(1_500));
        assertThat(impatient.version().version()).as("second attempt is fast").isEqualTo("2.5.17");
        assertThat(misp.requestCount("GET /servers/getVersion")).isEqualTo(3);

        misp.faults().slow("/servers/getVersion", 3, Duration.ofMillis(1_500));
        assertThatThrownBy(impatient::version)
                .isInstanceOf(HttpRequestTimeoutException.class)
                .hasMessageContaining("timed out after");
    }

    @Test
    void truncatedJsonIsAPreciseErrorNeverAPartialResult() {
        misp.faults().truncated("/events/view", 1, 3_000);

        List<MispAttribute> attributes = new ArrayList<>();
        List<MispEventSummary> completed = new ArrayList<>();
        assertThatThrownBy(() -> client.fetchEvent(event, false, new MispEventListener() {
            @Override
            public void attribute(MispAttribute attribute) {
                attributes.add(attribute);
            }

            @Override
            public void eventEnd(MispEventSummary event, long attributesRead) {
                completed.add(event);
            }
        }))
                .isInstanceOf(MispFormatException.class)
                .hasMessageContaining("end-of-input")
                .hasMessageContaining("/Event/");
        assertThat(completed).isEmpty();
        assertThat(attributes.size()).isLessThan(SAMPLE_ATTRIBUTES);

        misp.faults().truncated("/events/index", 1, 10);
        assertThatThrownBy(() -> client.searchEvents(MispEventQuery.builder().build(), e -> { }))
                .isInstanceOf(MispFormatException.class);
    }

    @Test
    void authErrorsAreReportedAsSuchAndNotRetried() {
        misp.faults().authError("/", 1);
        assertThatThrownBy(client::version)
                .isInstanceOf(HttpAuthException.class)
                .hasMessageContaining("HTTP 403")
                .hasMessageContaining("Authentication failed");
        assertThat(misp.requestCount()).isEqualTo(1);

        MispClient wrongKey = MispTestSupport.client(MispTestSupport.config(misp)
                .auth(HttpAuth.rawKey("not-the-key")).build(), sleeper);
        assertThatThrownBy(wrongKey::version)
                .isInstanceOf(HttpAuthException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("not-the-key"));
        assertThat(client.version().version()).isEqualTo("2.5.17");
    }

    @Test
    void selfSignedHttpsIsRejectedUnlessTrustedOrAccepted() {
        try (MispEmulator https = MispEmulator.start(MispEmulator.Options.defaults().https(true))) {
            assertThat(https.baseUrl()).startsWith("https://");

            MispClient verifying = MispTestSupport.client(MispTestSupport.config(https).build(), sleeper);
            assertThatThrownBy(verifying::version).isInstanceOf(HttpTlsException.class);
            assertThat(https.requestCount()).as("no request got through").isZero();

            MispClient accepting = MispTestSupport.client(MispTestSupport.config(https)
                    .tls(TlsSettings.acceptAny()).build(), sleeper);
            assertThat(accepting.version().version()).isEqualTo("2.5.17");

            MispClient trusting = MispTestSupport.client(MispTestSupport.config(https)
                    .tls(TlsSettings.trusting(https.certificatePem())).build(), sleeper);
            assertThat(trusting.version().version()).isEqualTo("2.5.17");
        }
    }
}
