package io.sightline.integrations.opencti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QueueMessageTest {
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void carriesTheFieldsPyctiSendsWithTheBundleBase64Encoded() {
        String bundle = "{\"type\":\"bundle\",\"id\":\"bundle--1f1e2b7a-0000-4000-8000-000000000001\",\"objects\":[{\"name\":\"Ünïcode \\\"q\\\"\"}]}";
        byte[] body = new QueueMessage("user-1", "work_\"x\"").body(7, bundle.getBytes(StandardCharsets.UTF_8));
        JsonNode m = JSON.readTree(body);
        assertThat(m.propertyNames()).containsExactly("bundle_type", "applicant_id", "action_sequence", "entities_types",
                "content", "update", "draft_id", "work_id");
        assertThat(m.path("bundle_type").asString()).isEqualTo("QUEUE_BUNDLE");
        assertThat(m.path("applicant_id").asString()).isEqualTo("user-1");
        assertThat(m.path("action_sequence").asInt()).isEqualTo(7);
        assertThat(m.path("entities_types").isArray()).isTrue();
        assertThat(m.path("entities_types")).isEmpty();
        assertThat(m.path("update").asBoolean(true)).isFalse();
        assertThat(m.path("draft_id").isNull()).isTrue();
        assertThat(m.path("work_id").asString()).isEqualTo("work_\"x\"");
        assertThat(new String(Base64.getDecoder().decode(m.path("content").asString()), StandardCharsets.UTF_8)).isEqualTo(bundle);
    }

    @Test
    void withoutAWorkTheFieldIsAbsentAndANullApplicantStaysNull() {
        JsonNode m = JSON.readTree(QueueMessage.body(null, 1, "{}".getBytes(StandardCharsets.UTF_8), null));
        assertThat(m.has("work_id")).isFalse();
        assertThat(m.path("applicant_id").isNull()).isTrue();
    }

    @Test
    void aSliceOfABufferIsEncodedLikeTheWholeArrayWhateverItsLength() {
        QueueMessage messages = new QueueMessage("user-1", "work-1");
        java.util.Random random = new java.util.Random(42);
        for (int length = 0; length < 300; length++) {
            byte[] bundle = new byte[length];
            random.nextBytes(bundle);
            byte[] buffer = new byte[length + 20];
            System.arraycopy(bundle, 0, buffer, 7, length);
            int sequence = random.nextInt(Integer.MAX_VALUE);
            byte[] fromSlice = messages.body(sequence, buffer, 7, length);
            JsonNode m = JSON.readTree(fromSlice);
            assertThat(m.path("action_sequence").asLong()).isEqualTo(sequence);
            assertThat(m.path("content").asString()).isEqualTo(Base64.getEncoder().encodeToString(bundle));
            assertThat(fromSlice).isEqualTo(messages.body(sequence, bundle));
        }
        assertThat(JSON.readTree(messages.body(0, new byte[0])).path("action_sequence").asInt()).isZero();
    }
}
