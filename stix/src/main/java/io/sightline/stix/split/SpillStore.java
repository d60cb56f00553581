package io.sightline.stix.split;

import io.sightline.stix.StixJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Append-only store of objects addressed by index. Objects stay on the heap as they are (no copy,
 * no serialization) while their estimated footprint is within {@code memoryBudget}; past it, all of
 * them are serialized to a temporary file (deleted on {@link #close()}) and read back one at a time.
 * The heap then holds two arrays of offsets whatever the number of objects.
 */
final class SpillStore implements AutoCloseable {
    private final long memoryBudget;
    private final Path spillDirectory;
    private List<ObjectNode> held = new ArrayList<>();
    private long heldFootprint;
    private long[] offsets;
    private int[] lengths;
    private int size;
    private long fileBytes;
    private Path file;
    private FileChannel channel;

    SpillStore(long memoryBudget, Path spillDirectory) {
        this.memoryBudget = memoryBudget;
        this.spillDirectory = spillDirectory;
    }

    /** Stores an object and returns its index. The store keeps the instance; callers must not change it. */
    int append(ObjectNode object) {
        if (channel == null) {
            long footprint = footprint(object);
            if (heldFootprint + footprint <= memoryBudget) {
                held.add(object);
                heldFootprint += footprint;
                return size++;
            }
            spill();
        }
        write(object);
        return size++;
    }

    /** Object {@code index}, the stored instance or a fresh copy read from the file. */
    ObjectNode read(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        if (channel == null) return held.get(index);
        byte[] record = new byte[lengths[index]];
        ByteBuffer target = ByteBuffer.wrap(record);
        try {
            while (target.hasRemaining()) {
                int read = channel.read(target, offsets[index] + target.position());
                if (read < 0) throw new IOException("spill file truncated");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spill file " + file, e);
        }
        return (ObjectNode) StixJson.mapper().readTree(record);
    }

    /** Whether objects went to a temporary file. */
    boolean spilled() {
        return channel != null;
    }

    private void spill() {
        try {
            file = spillDirectory == null
                    ? Files.createTempFile("sightline-split-", ".spill")
                    : Files.createTempFile(spillDirectory, "sightline-split-", ".spill");
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a spill file", e);
        }
        offsets = new long[Math.max(256, size * 2)];
        lengths = new int[offsets.length];
        List<ObjectNode> moving = held;
        held = null;
        int count = size;
        size = 0;
        for (int i = 0; i < count; i++) {
            write(moving.get(i));
            size++;
        }
    }

    private void write(ObjectNode object) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        byte[] record = StixJson.mapper().writeValueAsBytes(object);
        offsets[size] = fileBytes;
        lengths[size] = record.length;
        try {
            ByteBuffer source = ByteBuffer.wrap(record);
            while (source.hasRemaining()) channel.write(source);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spill file " + file, e);
        }
        fileBytes += record.length;
    }

    /**
     * A deliberately generous estimate of a tree's heap size: object headers and references per
     * node and entry, two bytes per string character. Cheaper than serializing the tree.
     */
    static long footprint(JsonNode node) {
        if (node.isString()) return 56 + 2L * node.stringValue().length();
        if (node.isObject()) {
            long total = 64;
            for (Map.Entry<String, JsonNode> entry : node.properties()) total += 48 + footprint(entry.getValue());
            return total;
        }
        if (node.isArray()) {
            long total = 48;
            for (JsonNode element : node) total += 8 + footprint(element);
            return total;
        }
        return 24;
    }

    @Override
    public void close() {
        held = null;
        if (channel != null) {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the spill file " + file, e);
            }
        }
    }
}
