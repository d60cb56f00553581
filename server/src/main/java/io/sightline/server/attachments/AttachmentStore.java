package io.sightline.server.attachments;

import io.sightline.server.common.OwnerOnlyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files of file observables, of task logs and of cases, alerts and organisations, stored once per content under data-dir/attachments/<sha256> (owner
 * only); each upload has its own {@code attachment} row, so several rows may share one file. The
 * upload is streamed to disk while MD5, SHA-1 and SHA-256 are computed, so size is not bounded by memory.
 *
 * <p>One rule keeps disk and database in step: a file is in place only while a committed row
 * names its SHA-256, and a row lives only while an observable, a task log or a record file refers to it. So an upload goes to
 * a temporary file that is moved into place once its row is committed (and deleted if the row is
 * rolled back); deleting observables releases their rows and files after the delete commits; and
 * {@link AttachmentSweeper} removes, at start and every hour, whatever a crash or another path left behind.
 * Placing and removing a file happen under a per-hash lock, after the row changes are committed,
 * so a removal never takes a file a newly committed row needs.
 */
@Component
public class AttachmentStore {
    private static final Logger log = LoggerFactory.getLogger(AttachmentStore.class);
    private static final String TEMP_PREFIX = "upload-";
    private static final String TEMP_SUFFIX = ".part";
    private static final Object[] LOCKS = new Object[64];

    static {
        for (int i = 0; i < LOCKS.length; i++) LOCKS[i] = new Object();
    }

    private final Path dir;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate ownTransaction;

    public AttachmentStore(@Value("${sightline.data-dir}") String dataDir, JdbcClient jdbc, Clock clock,
                           PlatformTransactionManager transactions) {
        this.dir = Path.of(dataDir, "attachments");
        this.jdbc = jdbc;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    Path directory() {
        return dir;
    }

    /**
     * Stores an uploaded file and hands it to {@code use} (which adds the observables), all in one
     * transaction: when {@code use} fails, or leaves no observable referring to the file, nothing
     * of the upload stays, neither row nor file.
     */
    public <T> T upload(String name, String contentType, InputStream content, Function<Attachment, T> use) {
        return transaction.execute(status -> {
            Attachment a = store(name, contentType, content);
            T result = use.apply(a);
            if (!referenced(a.id())) status.setRollbackOnly();
            return result;
        });
    }

    /** {@link #upload(String, String, InputStream, Function)} of a client's upload. */
    public <T> T upload(Upload u, Function<Attachment, T> use) {
        try (InputStream in = u.content().getInputStream()) {
            return upload(u.name(), u.contentType(), in, use);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + u.name(), e);
        }
    }

    /**
     * Stores a file and inserts its row. Inside a transaction the file is moved into place when
     * the transaction commits and deleted when it rolls back; outside one, at once after the row.
     */
    public Attachment store(String name, String contentType, InputStream content) {
        try {
            OwnerOnlyFiles.createDirectories(dir);
            Path tmp = OwnerOnlyFiles.createTempFile(dir, TEMP_PREFIX, TEMP_SUFFIX);
            try {
                MessageDigest md5 = digest("MD5");
                MessageDigest sha1 = digest("SHA-1");
                MessageDigest sha256 = digest("SHA-256");
                long size;
                try (OutputStream out = new DigestOutputStream(new DigestOutputStream(new DigestOutputStream(
                        Files.newOutputStream(tmp), md5), sha1), sha256)) {
                    size = content.transferTo(out);
                }
                HexFormat hex = HexFormat.of();
                String sha = hex.formatHex(sha256.digest());
                var keys = new GeneratedKeyHolder();
                String type = contentType == null || contentType.isBlank() ? "application/octet-stream" : contentType;
                String md5Hex = hex.formatHex(md5.digest());
                String sha1Hex = hex.formatHex(sha1.digest());
                jdbc.sql("INSERT INTO attachment (name, content_type, size, md5, sha1, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                        .params(name, type, size, md5Hex, sha1Hex, sha, clock.millis()).update(keys, "id");
                Attachment stored = new Attachment(keys.getKey().longValue(), name, type, size, md5Hex, sha1Hex, sha);
                placeWhenCommitted(tmp, sha);
                return stored;
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(tmp);
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store uploaded file", e);
        }
    }

    /**
     * A new row for the content of a stored file, for another record to hold (an alert's file
     * carried to its case): the file on disk is shared, and stays while either row names it.
     */
    public Attachment copy(Attachment a) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO attachment (name, content_type, size, md5, sha1, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(a.name(), a.contentType(), a.size(), a.md5(), a.sha1(), a.sha256(), clock.millis()).update(keys, "id");
        return new Attachment(keys.getKey().longValue(), a.name(), a.contentType(), a.size(), a.md5(), a.sha1(), a.sha256());
    }

    /** Stores a client's upload as {@link #store(String, String, InputStream)} does. */
    public Attachment store(Upload u) {
        try (InputStream in = u.content().getInputStream()) {
            return store(u.name(), u.contentType(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the uploaded file " + u.name(), e);
        }
    }

    public Optional<Path> file(Attachment a) {
        Path p = dir.resolve(a.sha256());
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }

    /**
     * The attachments of the observables that {@code column = id} selects ({@code id},
     * {@code case_id} or {@code alert_id}), and for a case or an alert the files attached to it, and
     * for a case those of its tasks' logs too (they go with the case by foreign keys): read before
     * deleting them, then given to {@link #release}.
     */
    public List<Long> usedBy(String column, long id) {
        if (!Set.of("id", "case_id", "alert_id").contains(column)) throw new IllegalArgumentException(column);
        String observables = "SELECT attachment_id FROM observable WHERE attachment_id IS NOT NULL AND " + column + " = ?";
        if (column.equals("id")) {
            return jdbc.sql(observables.replace("SELECT ", "SELECT DISTINCT ")).param(id).query(Long.class).list();
        }
        String recordFiles = " UNION SELECT r.id FROM record_file r WHERE r." + column + " = ?";
        if (column.equals("alert_id")) {
            return jdbc.sql("SELECT DISTINCT attachment_id FROM (" + observables + recordFiles + ") u")
                    .params(id, id).query(Long.class).list();
        }
        return jdbc.sql("SELECT DISTINCT attachment_id FROM (" + observables + recordFiles + " UNION SELECT f.attachment_id"
                        + " FROM task_log_attachment f JOIN task_log l ON l.id = f.log_id JOIN task t ON t.id = l.task_id"
                        + " WHERE t.case_id = ?) u")
                .params(id, id, id).query(Long.class).list();
    }

    /**
     * Removes those of these attachments no observable refers to any more, and their files when no
     * other row shares them; after the current transaction commits (nothing happens on rollback),
     * or now when there is none.
     */
    public void release(Collection<Long> attachmentIds) {
        if (attachmentIds.isEmpty()) return;
        List<Long> ids = List.copyOf(attachmentIds);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            removeUnreferenced(ids);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                removeUnreferenced(ids);
            }
        });
    }

    /** Deletes the rows among {@code ids} nothing refers to, then their files if no row is left for them. */
    void removeUnreferenced(Collection<Long> ids) {
        for (long id : ids) {
            String sha = ownTransaction.execute(s -> {
                Optional<String> hash = jdbc.sql("SELECT sha256 FROM attachment a WHERE id = ?" + UNREFERENCED)
                        .param(id).query(String.class).optional();
                hash.ifPresent(h -> jdbc.sql("DELETE FROM attachment a WHERE id = ?" + UNREFERENCED).param(id).update());
                return hash.orElse(null);
            });
            if (sha != null) removeFileIfUnused(sha);
        }
    }

    /** Neither an observable, a task log nor a case, alert or organisation refers to the row. */
    static final String UNREFERENCED = " AND NOT EXISTS (SELECT 1 FROM observable o WHERE o.attachment_id = a.id)"
            + " AND NOT EXISTS (SELECT 1 FROM task_log_attachment l WHERE l.attachment_id = a.id)"
            + " AND NOT EXISTS (SELECT 1 FROM record_file r WHERE r.id = a.id)";

    /** Deletes the file of {@code sha256} unless a committed row still names it. */
    boolean removeFileIfUnused(String sha256) {
        synchronized (lockOf(sha256)) {
            boolean used = ownTransaction.execute(s -> jdbc.sql("SELECT COUNT(*) FROM attachment WHERE sha256 = ?")
                    .param(sha256).query(Long.class).single() > 0);
            if (used) return false;
            try {
                return Files.deleteIfExists(dir.resolve(sha256));
            } catch (IOException e) {
                log.warn("Could not delete the unused attachment file {}: {}", sha256, e.toString());
                return false;
            }
        }
    }

    static boolean isTemporary(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(TEMP_PREFIX) && name.endsWith(TEMP_SUFFIX);
    }

    private boolean referenced(long attachmentId) {
        return jdbc.sql("SELECT COUNT(*) FROM observable WHERE attachment_id = ?").param(attachmentId)
                .query(Long.class).single() > 0;
    }

    private void placeWhenCommitted(Path tmp, String sha) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            place(tmp, sha);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status == STATUS_COMMITTED) {
                    place(tmp, sha);
                } else {
                    deleteQuietly(tmp);
                }
            }
        });
    }

    /** Moves the upload into place; when a file of that content is there already, the upload is dropped. */
    private void place(Path tmp, String sha) {
        synchronized (lockOf(sha)) {
            Path target = dir.resolve(sha);
            try {
                if (Files.exists(target)) {
                    Files.delete(tmp);
                } else {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                deleteQuietly(tmp);
                throw new UncheckedIOException("Could not store uploaded file", e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the temporary upload {}: {}", file.getFileName(), e.toString());
        }
    }

    private static Object lockOf(String sha256) {
        return LOCKS[Math.floorMod(sha256.hashCode(), LOCKS.length)];
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
