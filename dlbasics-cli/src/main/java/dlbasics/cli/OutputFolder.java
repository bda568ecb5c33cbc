package dlbasics.cli;

import dlbasics.io.Checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The folder a command writes into (--out), checked before any training so that a run never fails at
 * the end for want of a writable folder, and never mixes its files with an earlier run's.
 *
 * <p>{@code train} refuses a folder that holds an earlier run unless --force is given (or it resumes
 * the run checkpointed there); when it has written its files it removes the earlier run's files it did
 * not write again (a cat run's mislabelled.png beside a flower model). {@code demo} and {@code sweep}
 * own a fixed set of file names in their folder and replace them.
 */
final class OutputFolder {
    /** Every file a train run may write in --out. */
    static final List<String> RUN_FILES = List.of("model.safetensors", "model.npz", Outputs.COST, Outputs.BOUNDARY,
            Outputs.MISLABELLED, Outputs.CONFUSION, Checkpoint.FILE_NAME);

    private OutputFolder() {
    }

    /** The files of an earlier train run in {@code out}, by name (empty when there is none or no folder). */
    static List<String> earlierRun(Path out) {
        List<String> found = new ArrayList<>();
        for (String name : RUN_FILES) {
            if (Files.exists(out.resolve(name))) {
                found.add(name);
            }
        }
        return found;
    }

    /** Creates {@code out} if needed and proves it writable by creating and deleting a file in it. */
    static void checkWritable(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out + " is a file, not a folder; give a folder to write into");
        }
        try {
            Files.createDirectories(out);
            Path probe = Files.createTempFile(out, ".dlbasics-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write into --out " + out + " (" + DlbasicsCommand.cause(e)
                    + "); choose a folder you can write to", e);
        }
    }

    /** Removes the files of {@code names} in {@code out} that are not in {@code keep}: what is left of an earlier run. */
    static List<String> removeStale(Path out, List<String> names, List<Path> keep) {
        List<String> removed = new ArrayList<>();
        for (String name : names) {
            Path p = out.resolve(name);
            boolean kept = keep.stream().anyMatch(k -> k.getFileName().toString().equals(name));
            try {
                if (!kept && Files.deleteIfExists(p)) {
                    removed.add(name);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove " + p + " of an earlier run: " + e.getMessage(), e);
            }
        }
        return removed;
    }

    /** For demo and sweep: a writable folder without the files they own from an earlier run. */
    static void prepareOwned(Path out, List<String> owned) {
        checkWritable(out);
        removeStale(out, owned, List.of());
    }
}
