package io.sightline.stix;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class JsonTreesTest {

    @Test
    void writesEveryKindOfNodeAsDatabindDoes() {
        ObjectNode tree = StixJson.mapper().createObjectNode();
        tree.put("int", 7).put("long", 1L << 40).put("short", (short) 3).put("float", 1.25f).put("double", -0.0)
                .put("decimal", new BigDecimal("1.500")).put("bigInteger", new BigInteger("123456789012345678901234567890"))
                .put("text", "é \"q\" \\ \u0001 \uD83D\uDE00").put("yes", true).putNull("nothing")
                .put("binary", new byte[] {1, 2, 3});
        tree.putObject("empty");
        tree.putArray("list").add(1).add("two").addObject().putArray("deep").add(3.5);
        tree.putPOJO("pojo", java.util.List.of("a", 1));
        assertThat(written(tree)).isEqualTo(StixJson.mapper().writeValueAsString(tree));
    }

    @Test
    void parsedObjectsComeOutAsTheyWentIn() {
        for (var file : Fixtures.allStixFiles()) {
            for (JsonNode object : Fixtures.read(file)) {
                assertThat(written(object)).isEqualTo(StixJson.mapper().writeValueAsString(object));
            }
        }
    }

    private static String written(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator generator = StixJson.mapper().createGenerator(out)) {
            JsonTrees.write(generator, node);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
