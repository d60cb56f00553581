package io.sightline.testkit.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.integrations.stixify.ReportObjects;
import io.sightline.integrations.stixify.StixifyClient;
import io.sightline.stix.split.OpenCtiSplitter;
import io.sightline.stix.split.SplitObject;
import io.sightline.stix.split.SplitPlan;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A generated report streamed from the emulator straight into the splitter, spilling to disk. */
class LargeReportSplitTest {
    private final StixifyEmulator emulator = StixifyEmulator.start(StixifyTestClients.KEY);
    private final StixifyClient client = StixifyTestClients.client(emulator, new StixifyTestClients.RecordingSleeper());

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aLargeReportWithCustomTypesIsSplitReferencesFirst(@TempDir Path spill) {
        int size = 12_003;
        GeneratedReportSource source = new GeneratedReportSource(size, 11, 40);
        String dossier = emulator.addDossier("big");
        String report = emulator.addReport(dossier, "big report", source, Instant.now());
        OpenCtiSplitter splitter = new OpenCtiSplitter(256 * 1024, spill);
        try (ReportObjects objects = client.reportObjects(report); SplitPlan plan = splitter.plan(objects)) {
            assertThat(objects.count()).isEqualTo(size);
            assertThat(plan.spilled()).isTrue();
            int custom = source.customObjectCount();
            assertThat(plan.dropped()).containsEntry("unsupported type x-mitre-asset", custom);
            int droppedRelationships = plan.dropped().getOrDefault("relationship with a missing or dropped end", 0);
            assertThat(droppedRelationships).isPositive();
            assertThat(plan.expectations()).isEqualTo(size - custom - droppedRelationships);

            Set<String> sent = new HashSet<>();
            Set<String> late = new HashSet<>(); // referenced objects sent after their referrer
            int count = 0;
            for (SplitObject object : plan) {
                count++;
                assertThat(object.type()).isNotEqualTo("x-mitre-asset");
                if (object.type().equals("relationship")) {
                    if (!sent.contains(object.object().path("source_ref").asString())) late.add(object.id());
                    if (!sent.contains(object.object().path("target_ref").asString())) late.add(object.id());
                }
                if (object.type().equals("report")) {
                    // Everything the report lists was sent before it, custom objects removed from its refs.
                    assertThat(object.object().path("object_refs").size()).isEqualTo(count - 1);
                    object.object().path("object_refs").forEach(ref -> {
                        if (!sent.contains(ref.asString())) late.add(ref.asString());
                    });
                }
                sent.add(object.id());
            }
            assertThat(late).isEmpty();
            assertThat(count).isEqualTo(plan.expectations());
        }
    }
}
