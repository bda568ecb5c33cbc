package dlbasics.io;

import dlbasics.model.Network;
import dlbasics.model.TrainedModel;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.model.TrainingState;

import java.nio.file.Path;
import java.util.List;

/**
 * Saves a {@link Checkpoint} in a folder every {@code every} updates (iterations every, 2·every, ...;
 * with a validation set, after those epochs' validation, so that it holds the early-stopping watch)
 * and once more when the run ends, so that {@code Trainer.resume} can continue after a crash or a stop:
 * <pre>
 * trainer = Trainer.builder()....listener(new CheckpointListener(dir, 1000, classNames, 1 / 255.0)).build();
 * ...
 * Checkpoint c = Checkpoint.read(dir);
 * new Trainer(c.model().settings()).resume(c.model().network(), X, Y, c.state());
 * </pre>
 * Each write replaces the previous checkpoint atomically. Writing costs a copy of the parameters and
 * a file; with {@code every} in the hundreds or more it does not slow training measurably.
 */
public final class CheckpointListener implements TrainingListener {
    private final Path dir;
    private final int every;
    private final List<String> classNames;
    private final double inputScale;
    private Network network;
    private dlbasics.model.UpdateRule rule = new dlbasics.model.GradientDescent();
    private int startIteration;
    private int lastWritten = -1;

    /**
     * @param dir        the checkpoint folder (created if needed)
     * @param every      write after every {@code every} updates, 1 or more
     * @param classNames stored in the model: label k is {@code classNames.get(k)}
     * @param inputScale stored in the model: the scale applied to raw inputs (1/255 for images, 1 otherwise)
     */
    public CheckpointListener(Path dir, int every, List<String> classNames, double inputScale) {
        if (every < 1) {
            throw new IllegalArgumentException("CheckpointListener: every is " + every
                    + "; write a checkpoint every 1 or more updates (e.g. 1000)");
        }
        this.dir = dir;
        this.every = every;
        this.classNames = List.copyOf(classNames);
        this.inputScale = inputScale;
    }

    @Override
    public void onStart(TrainingEvent e) {
        network = e.network();
        rule = e.updateRule();
        startIteration = e.iteration();
    }

    /** Without a validation set: after every {@code every} updates. */
    @Override
    public void onUpdate(TrainingEvent e) {
        if (!e.validating() && e.iteration() % every == 0) {
            save(e.state(), e);
        }
    }

    /** With a validation set: once the epoch is validated, so that the checkpoint holds its early-stopping watch. */
    @Override
    public void onEpoch(TrainingEvent e) {
        if (e.iteration() % every == 0) {
            save(e.state(), e);
        }
    }

    /** The run's last state; also when the run stopped at an epoch already written (early stopping restores the best parameters). */
    @Override
    public void onEnd(TrainingResult r) {
        int end = r.finalState().iteration();
        if (network != null && (end != lastWritten || r.stopped()) && end != startIteration) {
            TrainingState state = r.finalState();
            write(state, new TrainedModel(network, classNames, inputScale, r.settings(), state.costs()));
        }
    }

    /** The iteration of the last checkpoint this listener wrote, or -1 if none. */
    public int lastWrittenIteration() {
        return lastWritten;
    }

    private void save(TrainingState state, TrainingEvent e) {
        write(state, new TrainedModel(e.network(), classNames, inputScale, e.settings(), state.costs()));
    }

    private void write(TrainingState state, TrainedModel model) {
        Checkpoint.write(dir, model, state, every, rule);
        lastWritten = state.iteration();
    }
}
