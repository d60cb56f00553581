package io.sightline.opencti.stixify;

import io.sightline.integrations.opencti.BundleDelivery;
import io.sightline.integrations.opencti.DeliveryReport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code CONNECTOR_SEND_TO_DIRECTORY}: each bundle sent is also written to the folder, as pycti's
 * {@code send_stix2_bundle} does: the file {@code <name, lower case, spaces as _>-<YYYYmmdd-HHMMSS>-<epoch seconds>.json}
 * holds {@code {bundle_type: "DIRECTORY_BUNDLE", applicant_id, connector: {...}, entities_types, bundle, update}};
 * it is written as {@code .tmp} and renamed once complete, and before each write the {@code .json}
 * files older than the retention (days, 0 keeps everything) are deleted. The bundle is the one
 * handed over (before OpenCTI-specific filtering), streamed to the file as its objects are read.
 */
final class DirectoryDelivery implements BundleDelivery {
    private static final Logger log = LoggerFactory.getLogger(DirectoryDelivery.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-");

    /** What pycti puts in the file's {@code connector} object. */
    record ConnectorFields(String id, String name, String type, String scope, boolean validateBeforeImport) {}

    private final BundleDelivery delegate;
    private final Path folder;
    private final int retentionDays;
    private final String applicantId;
    private final ConnectorFields connector;
    private final ObjectMapper json = JsonMapper.builder().build();

    DirectoryDelivery(BundleDelivery delegate, Path folder, int retentionDays, String applicantId, ConnectorFields connector) {
        this.delegate = delegate;
        this.folder = folder;
        this.retentionDays = retentionDays;
        this.applicantId = applicantId;
        this.connector = connector;
    }

    @Override
    public DeliveryReport deliver(String bundleId, Iterator<? extends JsonNode> objects, String workId) {
        removeExpired();
        String base = fileName(Instant.now());
        Path tmp = folder.resolve(base + ".tmp");
        try (OutputStream out = Files.newOutputStream(tmp); JsonGenerator gen = json.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeStringProperty("bundle_type", "DIRECTORY_BUNDLE");
            gen.writeName("applicant_id");
            if (applicantId == null) gen.writeNull(); else gen.writeString(applicantId);
            gen.writeObjectPropertyStart("connector");
            gen.writeStringProperty("id", connector.id());
            gen.writeStringProperty("name", connector.name());
            gen.writeStringProperty("type", connector.type());
            gen.writeStringProperty("scope", connector.scope());
            gen.writeBooleanProperty("auto", false);
            gen.writeBooleanProperty("validate_before_import", connector.validateBeforeImport());
            gen.writeEndObject();
            gen.writeNullProperty("entities_types");
            gen.writeObjectPropertyStart("bundle");
            gen.writeStringProperty("type", "bundle");
            gen.writeStringProperty("id", bundleId);
            gen.writeArrayPropertyStart("objects");
            DeliveryReport report = delegate.deliver(bundleId, new Iterator<JsonNode>() {
                @Override
                public boolean hasNext() {
                    return objects.hasNext();
                }

                @Override
                public JsonNode next() {
                    JsonNode o = objects.next();
                    gen.writeTree(o);
                    return o;
                }
            }, workId);
            gen.writeEndArray();
            gen.writeEndObject();
            gen.writeBooleanProperty("update", false);
            gen.writeEndObject();
            gen.close();
            Files.move(tmp, folder.resolve(base + ".json"), StandardCopyOption.ATOMIC_MOVE);
            return report;
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new UncheckedIOException("cannot write " + bundleId + " to CONNECTOR_SEND_TO_DIRECTORY_PATH " + folder, e);
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    /** pycti's name, with time.time() as seconds and microseconds; a same-microsecond clash gets a suffix. */
    private String fileName(Instant now) {
        String seconds = now.getEpochSecond() + "." + String.format(Locale.ROOT, "%06d", now.getNano() / 1000);
        String base = connector.name().toLowerCase(Locale.ROOT).replace(" ", "_") + "-"
                + STAMP.format(now.atZone(ZoneId.systemDefault())) + seconds;
        String candidate = base;
        for (int i = 1; Files.exists(folder.resolve(candidate + ".json")) || Files.exists(folder.resolve(candidate + ".tmp")); i++) {
            candidate = base + i;
        }
        return candidate;
    }

    private void removeExpired() {
        if (retentionDays <= 0) return;
        Instant limit = Instant.now().minus(Duration.ofDays(retentionDays));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.json")) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(limit)) {
                    Files.deleteIfExists(f);
                    log.debug("Removed {} (older than {} days)", f.getFileName(), retentionDays);
                }
            }
        } catch (IOException e) {
            log.warn("Could not remove old bundles from {}: {}", folder, e.getMessage());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the failure being reported matters more
        }
    }

    @Override
    public void awaitDelivered() {
        delegate.awaitDelivered();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
