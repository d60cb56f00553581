package io.sightline.stix.split;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Append-only store of serialized objects addressed by index. Records stay in a heap buffer
 * until {@code memoryBudget} bytes, then everything moves to a temporary file (deleted on
 * {@link #close()}), so the heap holds at most the budget plus two arrays of offsets whatever the
 * number of objects.
 */
final class SpillStore implements AutoCloseable {
    private final long memoryBudget;
    private final Path spillDirectory;
    private byte[] buffer = new byte[8192];
    private int bufferUsed;
    private long[] offsets = new long[256];
    private int[] lengths = new int[256];
    private int size;
    private long totalBytes;
    private Path file;
    private FileChannel channel;

    SpillStore(long memoryBudget, Path spillDirectory) {
        this.memoryBudget = memoryBudget;
        this.spillDirectory = spillDirectory;
    }

    /** Stores a record and returns its index. */
    int append(byte[] record) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        offsets[size] = totalBytes;
        lengths[size] = record.length;
        try {
            if (channel == null && totalBytes + record.length > memoryBudget) spill();
            if (channel != null) {
                ByteBuffer source = ByteBuffer.wrap(record);
                while (source.hasRemaining()) channel.write(source);
            } else {
                ensureBuffer(bufferUsed + record.length);
                System.arraycopy(record, 0, buffer, bufferUsed, record.length);
                bufferUsed += record.length;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the spill file " + file, e);
        }
        totalBytes += record.length;
        return size++;
    }

    /** Reads back record {@code index}. */
    byte[] read(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        byte[] record = new byte[lengths[index]];
        if (channel == null) {
            System.arraycopy(buffer, (int) offsets[index], record, 0, record.length);
            return record;
        }
        ByteBuffer target = ByteBuffer.wrap(record);
        long position = offsets[index];
        try {
            while (target.hasRemaining()) {
                int read = channel.read(target, position + target.position());
                if (read < 0) throw new IOException("spill file truncated");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spill file " + file, e);
        }
        return record;
    }

    /** Whether records went to a temporary file. */
    boolean spilled() {
        return channel != null;
    }

    long totalBytes() {
        return totalBytes;
    }

    private void spill() throws IOException {
        file = spillDirectory == null
                ? Files.createTempFile("sightline-split-", ".spill")
                : Files.createTempFile(spillDirectory, "sightline-split-", ".spill");
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.DELETE_ON_CLOSE);
        ByteBuffer existing = ByteBuffer.wrap(buffer, 0, bufferUsed);
        while (existing.hasRemaining()) channel.write(existing);
        buffer = null;
        bufferUsed = 0;
    }

    private void ensureBuffer(int needed) {
        if (needed <= buffer.length) return;
        int capacity = buffer.length;
        while (capacity < needed) capacity = Math.max(capacity * 2, needed);
        buffer = Arrays.copyOf(buffer, capacity);
    }

    @Override
    public void close() {
        buffer = null;
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
