package io.sightline.server.common;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Folders (0700) and files (0600) of the data folder, readable by the hub's own user only, where
 * the file system has POSIX permissions; elsewhere the system's defaults apply.
 */
public final class OwnerOnlyFiles {
    public static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnlyFiles() {}

    /** Creates the folder and its missing parents, each one owner-only; an existing folder is left as it is. */
    public static Path createDirectories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) return dir;
        Path parent = absolute.getParent();
        if (parent != null && !Files.isDirectory(parent)) createDirectories(parent);
        try {
            if (posix(parent)) {
                Files.createDirectory(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                // the umask may have taken bits away; it cannot have added any, but be exact
                Files.setPosixFilePermissions(absolute, FOLDER);
            } else {
                Files.createDirectory(absolute);
            }
        } catch (FileAlreadyExistsException raced) {
            if (!Files.isDirectory(absolute)) throw raced;
        }
        return dir;
    }

    /** A new empty file readable and writable by the owner only. */
    public static Path createTempFile(Path dir, String prefix, String suffix) throws IOException {
        if (posix(dir)) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(FILE);
            return Files.createTempFile(dir, prefix, suffix, ownerOnly);
        }
        return Files.createTempFile(dir, prefix, suffix);
    }

    /**
     * Makes an existing folder owner-only; returns its former permissions when they were wider,
     * null when nothing changed (already owner-only, or no POSIX permissions here).
     */
    public static Set<PosixFilePermission> tighten(Path dir) throws IOException {
        if (!posix(dir)) return null;
        Set<PosixFilePermission> before = Files.getPosixFilePermissions(dir);
        if (FOLDER.containsAll(before)) return null;
        Files.setPosixFilePermissions(dir, FOLDER);
        return before;
    }

    private static boolean posix(Path anyPathOnTheFileSystem) {
        Path p = anyPathOnTheFileSystem == null ? Path.of("").toAbsolutePath() : anyPathOnTheFileSystem;
        return p.getFileSystem().supportedFileAttributeViews().contains("posix")
                && Files.getFileAttributeView(p, PosixFileAttributeView.class) != null;
    }
}
