package io.sightline.server.connectors.misp;

import io.sightline.integrations.misp.MispClient;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTargetConfig;
import io.sightline.testkit.misp.MispEmulator;
import io.sightline.testkit.samples.PublicSamples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Fixtures, emulator wiring and small event builders for the MISP connector tests. */
final class MispTesting {
    static final JsonMapper JSON = JsonMapper.builder().build();

    private MispTesting() {}

    /** The public MISP samples, {@code shared/fixtures/misp}; tests using them are {@code @NeedsPublicSamples}. */
    static Path fixtures() {
        return PublicSamples.root().resolve("misp");
    }

    /** An emulator whose clock only moves when the test says so (MISP timestamps count seconds). */
    static final class Misp {
        final MispEmulator emulator;
        final AtomicLong clock = new AtomicLong(1_750_000_000L);

        Misp(MispEmulator.Options options) {
            emulator = MispEmulator.start(options);
            emulator.store().setClock(clock::get);
        }

        /** Moves MISP's clock ten seconds on, so the next change has a newer timestamp. */
        long tick() {
            return clock.addAndGet(10);
        }

        MispClient client() {
            return MispClient.create(HttpTargetConfig.builder("test", emulator.baseUrl())
                    .auth(HttpAuth.rawKey(emulator.apiKey())).requestTimeout(Duration.ofSeconds(10)).build());
        }

        /** Adds an event with the given (type, category, value, to_ids) attributes; returns its id. */
        String addEvent(String uuid, String info, java.util.List<String> tags, Object[]... attributes) {
            ObjectNode event = JSON.createObjectNode();
            event.put("uuid", uuid);
            event.put("info", info);
            event.put("date", "2025-06-01");
            event.put("threat_level_id", "1");
            event.put("published", true);
            event.put("timestamp", String.valueOf(tick()));
            ArrayNode tagList = event.putArray("Tag");
            tags.forEach(t -> tagList.addObject().put("name", t));
            ArrayNode list = event.putArray("Attribute");
            for (Object[] a : attributes) {
                ObjectNode attribute = list.addObject();
                attribute.put("type", (String) a[0]);
                attribute.put("category", (String) a[1]);
                attribute.put("value", (String) a[2]);
                attribute.put("to_ids", (Boolean) a[3]);
                attribute.put("timestamp", String.valueOf(clock.get()));
            }
            return emulator.store().add(event);
        }
    }

    static Object[] attribute(String type, String category, String value, boolean toIds) {
        return new Object[] {type, category, value, toIds};
    }

    /** The properties of one server block. */
    static void server(DynamicPropertyRegistry r, int index, String name, MispEmulator misp) {
        String at = "misp.servers[" + index + "].";
        r.add(at + "name", () -> name);
        r.add(at + "url", misp::baseUrl);
        r.add(at + "auth.type", () -> "key");
        r.add(at + "auth.key", misp::apiKey);
        r.add(at + "wsConfig.timeout.request", () -> "5 seconds");
        r.add(at + "wsConfig.maxRequestRetry", () -> "1");
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
