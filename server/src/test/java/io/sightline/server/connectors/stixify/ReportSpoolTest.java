package io.sightline.server.connectors.stixify;

import static org.assertj.core.api.Assertions.assertThat;

import io.sightline.testkit.stixify.ReportSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class ReportSpoolTest {

    @Test
    void aReportPassesThroughUnchangedAndIsReplayedInOrderThenTheFileIsGone() throws Exception {
        ReportSource source = ReportSource.sample("report-webmail-phishing.json");
        List<ObjectNode> original = new ArrayList<>();
        source.objects(0, source.size()).forEachRemaining(original::add);

        List<Path> before = spoolFiles();
        List<ObjectNode> firstPass = new ArrayList<>();
        List<ObjectNode> replayed = new ArrayList<>();
        try (ReportSpool spool = ReportSpool.create()) {
            spool.tee(original.iterator()).forEachRemaining(firstPass::add);
            assertThat(spool.size()).isEqualTo(original.size());
            assertThat(spoolFiles()).hasSize(before.size() + 1);
            Iterator<ObjectNode> replay = spool.replay();
            replay.forEachRemaining(replayed::add);
        }
        assertThat(firstPass).isEqualTo(original);
        assertThat(replayed).isEqualTo(original);
        assertThat(spoolFiles()).hasSameSizeAs(before);
    }

    @Test
    void anEmptyReportReplaysNothing() {
        try (ReportSpool spool = ReportSpool.create()) {
            assertThat(spool.tee(List.<ObjectNode>of().iterator()).hasNext()).isFalse();
            assertThat(spool.replay().hasNext()).isFalse();
        }
    }

    private static List<Path> spoolFiles() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("sightline-stixify-report-")).toList();
        }
    }
}
