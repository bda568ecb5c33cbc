package dlbasics.cli;

import dlbasics.data.Dataset;
import dlbasics.model.Network;
import dlbasics.model.OutputGradient;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.model.TrainingState;

import java.util.List;

/**
 * One trained model and how it did: the network, the trainer's result, the cost after the last update
 * (the result's costs are recorded before their iteration's update) and the accuracy on the training
 * and (when there is one) the test examples.
 */
record Run(Plan plan, Network network, TrainingResult result, double finalCost, double trainAccuracy, Double testAccuracy) {

    /** Builds the plan's network for the data and trains it; the listeners see the progress. */
    static Run train(Plan plan, DataSource.Loaded data, List<TrainingListener> listeners) {
        Network network = plan.network(data.train().features(), data.classNames().size());
        TrainingResult result = new Trainer(plan.settings(), listeners, OutputGradient.A_MINUS_Y, plan.rule()).fit(network, data.train());
        return scored(plan, network, result, data);
    }

    /**
     * As {@link #train(Plan, DataSource.Loaded, List)}, measuring {@code validation} after every epoch and
     * stopping after {@code patience} epochs without a lower validation cost (0: never), the best
     * parameters restored.
     */
    static Run train(Plan plan, DataSource.Loaded data, List<TrainingListener> listeners, Dataset validation, int patience) {
        Network network = plan.network(data.train().features(), data.classNames().size());
        TrainingResult result = new Trainer(plan.settings(), listeners, OutputGradient.A_MINUS_Y, plan.rule(), patience)
                .fit(network, data.train(), validation);
        return scored(plan, network, result, data);
    }

    /**
     * Continues a checkpointed run on the same data: the network holds the checkpoint's parameters and
     * {@code state} says where the run stood; the result is as if the run had never stopped.
     */
    static Run resume(Plan plan, Network network, TrainingState state, DataSource.Loaded data, List<TrainingListener> listeners) {
        TrainingResult result = new Trainer(plan.settings(), listeners, OutputGradient.A_MINUS_Y, plan.rule())
                .resume(network, data.train(), state);
        return scored(plan, network, result, data);
    }

    /**
     * As {@link #resume(Plan, Network, TrainingState, DataSource.Loaded, List)} for a run with a validation
     * set: the state's early-stopping watch continues, so the run stops where the uninterrupted one stops.
     */
    static Run resume(Plan plan, Network network, TrainingState state, DataSource.Loaded data, List<TrainingListener> listeners,
                      Dataset validation, int patience) {
        TrainingResult result = new Trainer(plan.settings(), listeners, OutputGradient.A_MINUS_Y, plan.rule(), patience)
                .resume(network, data.train(), validation, state);
        return scored(plan, network, result, data);
    }

    private static Run scored(Plan plan, Network network, TrainingResult result, DataSource.Loaded data) {
        double cost = network.loss().cost(network.predictProbabilities(data.train().X()), network.targets(data.train().Y()));
        double train = network.accuracy(data.train().X(), data.train().Y());
        Double test = data.test() == null ? null : network.accuracy(data.test().X(), data.test().Y());
        return new Run(plan, network, result, cost, train, test);
    }

    /** The test accuracy when there is a test set, else the training accuracy (what a sweep ranks by). */
    double score() {
        return testAccuracy != null ? testAccuracy : trainAccuracy;
    }

    /** The examples a score is computed on: the test set when there is one. */
    static Dataset scored(DataSource.Loaded data) {
        return data.test() != null ? data.test() : data.train();
    }
}
