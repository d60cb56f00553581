package io.sightline.server.casearchive;

import io.sightline.server.core.Malformed;
import io.sightline.server.core.TooLarge;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the entries of an opened archive in {@link ArchiveLayout}'s order, one record at a time,
 * refusing an entry out of place, a record that does not read, and content over the limits.
 */
final class ArchiveReader implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final ZipInputStream zip;
    private final Counted content;
    private final ArchiveLimits limits;
    private long records;

    ArchiveReader(InputStream plain, ArchiveLimits limits) {
        this.zip = new ZipInputStream(plain);
        this.content = new Counted(zip, limits.contentBytes());
        this.limits = limits;
    }

    <T> T json(String entry, Class<T> type) throws IOException {
        expect(entry);
        try {
            return JSON.readValue(content, type);
        } catch (JacksonException e) {
            throw unreadable(entry, e);
        }
    }

    <T> void lines(String entry, Class<T> type, Consumer<T> each) throws IOException {
        expect(entry);
        try (MappingIterator<T> it = JSON.readerFor(type).readValues(content)) {
            while (it.hasNextValue()) {
                if (++records > limits.records()) {
                    throw new TooLarge("The case archive holds more than " + limits.records() + " records");
                }
                each.accept(it.nextValue());
            }
        } catch (JacksonException e) {
            throw unreadable(entry, e);
        }
    }

    void file(String entry, Path target) throws IOException {
        expect(entry);
        Files.copy(content, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** After the last entry: anything more is not from this hub. */
    void end() throws IOException {
        ZipEntry extra = next();
        if (extra != null) throw damaged("unexpected entry " + extra.getName());
    }

    private void expect(String name) throws IOException {
        ZipEntry e = next();
        if (e == null) throw damaged("entry " + name + " is missing");
        if (!e.getName().equals(name)) throw damaged("expected entry " + name + ", found " + e.getName());
    }

    private ZipEntry next() throws IOException {
        try {
            return zip.getNextEntry();
        } catch (ZipException e) {
            throw damaged(e.getMessage());
        }
    }

    private static Malformed unreadable(String entry, JacksonException e) {
        return damaged("entry " + entry + " does not read: " + e.getOriginalMessage());
    }

    private static Malformed damaged(String why) {
        return new Malformed("The case archive is damaged: " + why);
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    /** The unpacked bytes read from every entry, refused past the limit; never closes the zip (Jackson would). */
    private static final class Counted extends FilterInputStream {
        private final long limit;
        private long read;

        Counted(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) count(1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count(n);
            return n;
        }

        private void count(long n) {
            read += n;
            if (read > limit) throw new TooLarge("The case archive unpacks to more than " + limit + " bytes");
        }

        @Override
        public void close() {
            // the zip stays open for its next entry
        }
    }
}
