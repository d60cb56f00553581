package io.sightline.server.attachments;

import io.sightline.server.support.HubTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files of file observables on disk: a refused upload leaves neither file nor row, a file goes
 * with the last observable or task log (or case) referring to it, the sweep removes what is left over, and
 * the data folder and files are owner-only. Run on H2 and PostgreSQL.
 */
abstract class AttachmentFilesContract extends HubTest {
    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttachmentSweeper sweeper;

    @Value("${sightline.data-dir}")
    String dataDir;

    @Test
    void anInvalidObservableLeavesNoFileAndNoRow() {
        String caseId = createCase(admin, "Refused upload");
        byte[] content = uniqueContent();
        var r = admin.postFile(path(caseId), "{\"dataType\":\"file\",\"tlp\":9}", "bad.bin", content);
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        var unknownField = admin.postFile(path(caseId), "{\"dataType\":\"file\",\"colour\":\"red\"}", "bad.bin", content);
        assertThat(unknownField.status()).as(unknownField.toString()).isEqualTo(400);
        assertThat(rows(sha256(content))).isZero();
        assertThat(file(content)).doesNotExist();
        assertThat(temporaryUploads()).isZero();
    }

    @Test
    void aFileAlreadyInTheCaseIsRefusedAndItsUploadNotKept() {
        String caseId = createCase(admin, "Twice the same file");
        byte[] content = uniqueContent();
        assertThat(admin.postFile(path(caseId), "{\"dataType\":\"file\"}", "one.bin", content).status()).isEqualTo(201);
        var again = admin.postFile(path(caseId), "{\"dataType\":\"file\"}", "two.bin", content);
        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(rows(sha256(content))).isEqualTo(1);
        assertThat(file(content)).exists();
        assertThat(temporaryUploads()).isZero();
    }

    @Test
    void deletingObservablesRemovesTheFileWithTheLastReference() {
        byte[] content = uniqueContent();
        String first = observableId(createCase(admin, "First holder"), content);
        String secondCase = createCase(admin, "Second holder");
        observableId(secondCase, content);
        assertThat(rows(sha256(content))).isEqualTo(2);

        assertThat(admin.delete("/api/v1/observable/" + first).status()).isEqualTo(204);
        assertThat(rows(sha256(content))).isEqualTo(1);
        assertThat(file(content)).as("still used by the second case").exists();

        assertThat(admin.delete("/api/v1/case/" + secondCase).status()).isEqualTo(204);
        assertThat(rows(sha256(content))).isZero();
        assertThat(file(content)).doesNotExist();
    }

    @Test
    void theSweepRemovesOldLeftoversAndKeepsRecentOnes() throws IOException {
        Path dir = Path.of(dataDir, "attachments");
        byte[] used = uniqueContent();
        observableId(createCase(admin, "Kept by the sweep"), used);
        makeOld(file(used));
        byte[] orphan = uniqueContent();
        Path oldOrphan = Files.write(file(orphan), orphan);
        makeOld(oldOrphan);
        Path recentOrphan = Files.write(file(uniqueContent()), new byte[] {1});
        Path oldUpload = Files.write(dir.resolve("upload-crashed.part"), new byte[] {2});
        makeOld(oldUpload);
        long hourAgo = System.currentTimeMillis() - 3_600_000;
        jdbc.sql("INSERT INTO attachment (name, content_type, size, md5, sha1, sha256, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params("left.bin", "application/octet-stream", orphan.length, "0".repeat(32), "0".repeat(40),
                        sha256(orphan), hourAgo).update();

        sweeper.sweep();

        assertThat(rows(sha256(orphan))).as("an old row no observable refers to").isZero();
        assertThat(oldOrphan).doesNotExist();
        assertThat(oldUpload).doesNotExist();
        assertThat(recentOrphan).as("may belong to an upload being committed").exists();
        assertThat(file(used)).exists();
        assertThat(rows(sha256(used))).isEqualTo(1);
    }

    @Test
    void filesOfTaskLogsAreKeptByTheSweepAndGoWithTheirLogOrCase() throws IOException {
        String caseId = createCase(admin, "Task log files");
        String taskId = admin.post("/api/v1/case/" + caseId + "/task", java.util.Map.of("title", "t")).json().get("_id").asString();
        byte[] kept = uniqueContent();
        String logId = logWithFile(taskId, kept);
        byte[] withCase = uniqueContent();
        logWithFile(taskId, withCase);
        jdbc.sql("UPDATE attachment SET created_at = ?").param(System.currentTimeMillis() - 3_600_000).update();
        makeOld(file(kept));
        makeOld(file(withCase));

        sweeper.sweep();
        assertThat(file(kept)).as("a log still refers to it").exists();
        assertThat(rows(sha256(kept))).isEqualTo(1);

        assertThat(admin.delete("/api/v1/log/" + logId).status()).isEqualTo(204);
        assertThat(file(kept)).as("released with its log").doesNotExist();
        assertThat(rows(sha256(kept))).isZero();

        assertThat(admin.delete("/api/v1/case/" + caseId).status()).isEqualTo(204);
        assertThat(file(withCase)).as("released with its case, before any sweep").doesNotExist();
        assertThat(rows(sha256(withCase))).isZero();
    }

    @Test
    void aDeletedCaseReleasesOnlyTheLogFilesNoOneElseUses() {
        String gone = createCase(admin, "Deleted with its log files");
        String goneTask = admin.post("/api/v1/case/" + gone + "/task", java.util.Map.of("title", "t")).json().get("_id").asString();
        String kept = createCase(admin, "Keeps a shared log file");
        String keptTask = admin.post("/api/v1/case/" + kept + "/task", java.util.Map.of("title", "t")).json().get("_id").asString();
        byte[] shared = uniqueContent();
        byte[] own = uniqueContent();
        logWithFile(goneTask, shared);
        logWithFile(goneTask, own);
        String keptLog = logWithFile(keptTask, shared);

        assertThat(admin.delete("/api/v1/case/" + gone).status()).isEqualTo(204);
        assertThat(file(own)).as("only the deleted case's logs used it").doesNotExist();
        assertThat(rows(sha256(own))).isZero();
        assertThat(file(shared)).as("another case's log still uses it").exists();
        assertThat(rows(sha256(shared))).isEqualTo(1);
        String fileId = admin.get("/api/v1/log/" + keptLog).json().get("attachments").get(0).get("_id").asString();
        assertThat(admin.get("/api/v1/log/" + keptLog + "/attachment/" + fileId + "/download").body())
                .isEqualTo(new String(shared, StandardCharsets.UTF_8));
    }

    private String logWithFile(String taskId, byte[] content) {
        String boundary = "----sightline" + UUID.randomUUID();
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n{\"message\": \"m\"}\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"attachments\"; filename=\"f.bin\"\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var r = admin.send(admin.builder("/api/v1/task/" + taskId + "/log").header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(out.toByteArray())));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("_id").asString();
    }

    @Test
    void theDataFolderAndTheFilesAreOwnerOnly() throws IOException {
        byte[] content = uniqueContent();
        observableId(createCase(admin, "Private file"), content);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dataDir)))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(dataDir, "attachments"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file(content)))).isEqualTo("rw-------");
    }

    private static void makeOld(Path file) throws IOException {
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
    }

    private String observableId(String caseId, byte[] content) {
        var r = admin.postFile(path(caseId), "{\"dataType\":\"file\"}", "sample.bin", content);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get(0).get("_id").asString();
    }

    private static String path(String caseId) {
        return "/api/v1/case/" + caseId + "/observable";
    }

    private long rows(String sha256) {
        return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE sha256 = ?").param(sha256).query(Long.class).single();
    }

    private Path file(byte[] content) {
        return Path.of(dataDir, "attachments", sha256(content));
    }

    private long temporaryUploads() {
        try (var files = Files.list(Path.of(dataDir, "attachments"))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).count();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static byte[] uniqueContent() {
        return ("sample " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
