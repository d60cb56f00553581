package io.sightline.server.attachments;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The safety net of {@link AttachmentStore}: at start and then every hour, removes attachment rows
 * nothing refers to (no observable, task log, case, alert or organisation), files no row
 * names, and temporary uploads, once they are older than
 * {@link #GRACE} (so that an upload in progress is never touched). They come from a crash between
 * a commit and the file's move, and from paths that delete observables without releasing their
 * files one by one (a MISP event losing a file attribute, a file MISP or Cortex sent again).
 */
@Component
class AttachmentSweeper {
    static final Duration GRACE = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(AttachmentSweeper.class);
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    private final AttachmentStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    public AttachmentSweeper(AttachmentStore store, JdbcClient jdbc, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = 1, timeUnit = TimeUnit.HOURS)
    public void sweep() {
        try {
            int rows = sweepRows();
            int files = sweepFiles();
            if (rows + files > 0) log.info("Removed {} unused attachment row(s) and {} unused file(s)", rows, files);
        } catch (RuntimeException | IOException e) {
            log.warn("Sweeping unused attachments failed; next try in an hour: {}", e.toString());
        }
    }

    int sweepRows() {
        long cutoff = clock.millis() - GRACE.toMillis();
        List<Long> ids = jdbc.sql("SELECT id FROM attachment a WHERE created_at < ?" + AttachmentStore.UNREFERENCED)
                .param(cutoff).query(Long.class).list();
        store.removeUnreferenced(ids);
        return ids.size();
    }

    int sweepFiles() throws IOException {
        Path dir = store.directory();
        if (!Files.isDirectory(dir)) return 0;
        Set<String> named = new HashSet<>(jdbc.sql("SELECT DISTINCT sha256 FROM attachment").query(String.class).list());
        long cutoff = clock.millis() - GRACE.toMillis();
        int removed = 0;
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || Files.getLastModifiedTime(f).toMillis() >= cutoff) continue;
                if (AttachmentStore.isTemporary(f)) {
                    if (Files.deleteIfExists(f)) removed++;
                } else if (SHA256.matcher(name).matches() && !named.contains(name) && store.removeFileIfUnused(name)) {
                    removed++;
                }
            }
        }
        return removed;
    }
}
