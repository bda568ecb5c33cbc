package dlbasics.cli;

import dlbasics.io.CheckpointListener;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Says what an interrupted training lost (Ctrl-C, or the process being stopped): a shutdown hook,
 * armed only while the trainer runs, prints the iteration reached and, with checkpoints, the last one
 * saved and how to resume; without checkpoints, how to make a long run resumable.
 */
final class Interruption implements TrainingListener {
    private final CommandSpec spec;
    private final CheckpointListener checkpoints;
    private final Path checkpointDir;
    private volatile int iteration;
    private volatile int total;
    private volatile boolean running;
    private final boolean resumed;
    private volatile int resumedAt = -1;
    private Thread hook;

    Interruption(CommandSpec spec, CheckpointListener checkpoints, Path checkpointDir, boolean resumed) {
        this.spec = spec;
        this.checkpoints = checkpoints;
        this.checkpointDir = checkpointDir;
        this.resumed = resumed;
    }

    /** Registers the shutdown hook; {@link #disarm} removes it once training returns or throws. */
    void arm() {
        hook = new Thread(() -> {
            String message = message();
            if (message != null) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(spec.qualifiedName() + ": " + message);
                err.flush();
            }
        }, "dlbasics-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    void disarm() {
        running = false;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs and reports
        }
    }

    @Override
    public void onStart(TrainingEvent e) {
        iteration = e.iteration();
        total = e.totalIterations();
        resumedAt = resumed ? e.iteration() : -1;
        running = true;
    }

    @Override
    public void onUpdate(TrainingEvent e) {
        iteration = e.iteration();
    }

    @Override
    public void onEnd(TrainingResult r) {
        running = false;
    }

    /** What was lost, or null when training was not running. */
    String message() {
        if (!running) {
            return null;
        }
        int iteration = this.iteration; // read once: training goes on while the hook runs
        String at = "interrupted at iteration " + iteration + " of " + total + "; ";
        int saved = checkpoints == null ? -1 : Math.max(resumedAt, checkpoints.lastWrittenIteration());
        if (checkpoints == null) {
            return at + "nothing was saved and the " + iteration + " iterations are lost (a long run can be resumed when trained "
                    + "with --checkpoint-every N --out DIR)";
        }
        if (saved < 0) {
            return at + "no checkpoint was written yet, so the run is lost; start it again (checkpoints go to " + checkpointDir + ")";
        }
        return at + "the checkpoint in " + checkpointDir + " holds iteration " + saved + ", the " + (iteration - saved)
                + " iterations since are lost; continue with the same data options and --resume " + checkpointDir;
    }
}
