package dlbasics.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old content or the new, never a half-written file:
 * the bytes go to a temporary file in the same folder, are flushed to disk ({@link FileChannel#force}),
 * and the temporary file is then renamed over the target ({@code ATOMIC_MOVE}). If anything fails, the
 * temporary file is deleted and the target is left as it was.
 *
 * <p>The temporary file is created like any other file (permissions from the process umask, e.g.
 * {@code rw-r--r--}), not owner-only as {@link Files#createTempFile} would make it.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the bytes that {@code content} puts into the stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param operation names the caller in error messages, e.g. {@code "ModelFile.write"}
     * @throws UncheckedIOException naming the target when the folder is missing or writing fails
     */
    public static void write(String operation, Path target, Content content) {
        Path absolute = target.toAbsolutePath();
        Path folder = absolute.getParent();
        if (folder == null || !Files.isDirectory(folder)) {
            throw new UncheckedIOException(new IOException(String.format(
                    "%s: the folder of %s does not exist; create it first", operation, absolute)));
        }
        Path temp = folder.resolve("." + absolute.getFileName() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new java.io.BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            move(temp, absolute);
            forceFolder(folder);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw new UncheckedIOException(String.format("%s: could not write %s (%s)", operation, absolute, e), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(temp, e);
            throw e;
        }
    }

    private static void move(Path temp, Path target) throws IOException {
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // the same folder always supports rename on POSIX and NTFS; say so if it did not
            throw new IOException("the file system cannot rename atomically within " + target.getParent(), e);
        }
    }

    /** Flushes the folder entry so that the rename itself survives a crash (best effort; not possible on Windows). */
    private static void forceFolder(Path folder) {
        try (FileChannel dir = FileChannel.open(folder, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | RuntimeException ignored) {
            // some platforms cannot open a folder as a channel; the file's own data is already on disk
        }
    }

    private static void deleteQuietly(Path temp, Throwable cause) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
