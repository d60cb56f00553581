package io.sightline.testkit.misp;

import io.sightline.integrations.misp.MispClient;
import io.sightline.integrations.misp.mapping.MispAlertMapper;
import io.sightline.integrations.misp.mapping.MispImportTypes;
import io.sightline.integrations.misp.model.MispAttribute;
import io.sightline.integrations.misp.reading.MispEventListener;

import io.sightline.integrations.http.HttpAuth;
import io.sightline.integrations.http.HttpTargetConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Run in a JVM with a small heap by {@link LargeEventMemoryTest}: imports one event from an
 * emulator and prints {@code attributes=N observables=M}. Mode {@code stream} maps attributes as
 * they arrive (what the hub does); mode {@code retain} keeps every attribute, as a non-streaming
 * import would, to show that the heap is really too small for that.
 */
public final class LargeEventImportMain {

    private LargeEventImportMain() {
    }

    public static void main(String[] args) {
        String baseUrl = args[0], key = args[1], eventId = args[2], mode = args[3];
        MispClient client = MispClient.create(HttpTargetConfig.builder("large-event", baseUrl)
                .auth(HttpAuth.rawKey(key)).requestTimeout(Duration.ofMinutes(2)).build());
        MispAlertMapper mapper = new MispAlertMapper(MispImportTypes.loadDefault(), baseUrl, List.of());
        long[] observables = {0};
        List<MispAttribute> retained = new ArrayList<>();
        MispEventListener mapping = mapper.observableStream(2, o -> observables[0]++);
        long attributes = client.fetchEvent(eventId, false, a -> {
            mapping.attribute(a);
            if (mode.equals("retain")) {
                retained.add(a);
            }
        });
        System.out.println("attributes=" + attributes + " observables=" + observables[0] + " retained=" + retained.size());
    }
}
