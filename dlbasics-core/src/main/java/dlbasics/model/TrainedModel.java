package dlbasics.model;

import java.util.List;

/**
 * A network with what a user needs to use it later: the class names (label k is
 * {@code classNames.get(k)}), the scale applied to raw inputs before the network sees them
 * (1/255 for images, 1 for data used as is), how it was trained and the recorded cost history.
 * This is what model files store.
 */
public record TrainedModel(Network network, List<String> classNames, double inputScale,
                           TrainingSettings settings, double[] costs) {
    /** Checks and copies. */
    public TrainedModel {
        if (network == null || settings == null) {
            throw new IllegalArgumentException("TrainedModel: network and settings must not be null");
        }
        if (!(inputScale > 0) || !Double.isFinite(inputScale)) {
            throw new IllegalArgumentException("TrainedModel: inputScale is " + inputScale + "; it must be finite and above 0 (1/255 for images)");
        }
        classNames = List.copyOf(classNames);
        costs = costs.clone();
    }

    /** A copy of the recorded costs. */
    @Override
    public double[] costs() {
        return costs.clone();
    }
}
