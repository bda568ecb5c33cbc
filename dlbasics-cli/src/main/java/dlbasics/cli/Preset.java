package dlbasics.cli;

import dlbasics.model.TrainingSettings;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;

/**
 * The one table of default runs, per kind of data and model family: the course's runs for the
 * flower and the cats, and dlbasics' own choices for CSV files and deep models on 2-D sets. Both
 * {@code train} (for what the user leaves out, {@link Plan#of}) and {@code demo} read it.
 * The initializer follows the family: zeros for logistic regression, randn · 0.01 for one hidden
 * layer, randn / sqrt(n[l-1]) for deep models.
 */
enum Preset {
    /** Logistic regression on a 2-D set (the demo shows it for 1000 iterations). */
    PLANAR_LOGISTIC(DataSource.Kind.PLANAR, ModelKind.LOGISTIC, new int[0], Activation.RELU, 1.2, 10000, 1, 1000),
    /** The planar notebook's nn_model(X, Y, n_h=4, num_iterations=10000), seed 2; its sweep runs 5000 iterations. */
    FLOWER(DataSource.Kind.PLANAR, ModelKind.SHALLOW, new int[] {4}, Activation.TANH, 1.2, 10000, 2, 1000),
    /** A deep model on a 2-D set (not a course run). */
    PLANAR_DEEP(DataSource.Kind.PLANAR, ModelKind.DEEP, new int[] {20, 7, 5}, Activation.RELU, 0.3, 10000, 1, 1000),
    /** The logistic-regression notebook: learning rate 0.005, 2000 iterations (1500 in its learning-rate comparison). */
    CAT_LOGISTIC(DataSource.Kind.IMAGES, ModelKind.LOGISTIC, new int[0], Activation.RELU, 0.005, 2000, 1, 100),
    /** The two-layer model [12288, 7, 1]. */
    CAT_TWO_LAYER(DataSource.Kind.IMAGES, ModelKind.SHALLOW, new int[] {7}, Activation.RELU, 0.0075, 2500, 1, 100),
    /** The L-layer model [12288, 20, 7, 5, 1]. */
    CAT_DEEP(DataSource.Kind.IMAGES, ModelKind.DEEP, new int[] {20, 7, 5}, Activation.RELU, 0.0075, 2500, 1, 100),
    /** CSV files (not course runs). */
    CSV_LOGISTIC(DataSource.Kind.TABLE, ModelKind.LOGISTIC, new int[0], Activation.RELU, 0.5, 5000, 1, 500),
    CSV_SHALLOW(DataSource.Kind.TABLE, ModelKind.SHALLOW, new int[] {4}, Activation.TANH, 0.5, 5000, 1, 500),
    CSV_DEEP(DataSource.Kind.TABLE, ModelKind.DEEP, new int[] {20, 7, 5}, Activation.RELU, 0.05, 5000, 1, 500);

    final DataSource.Kind kind;
    final ModelKind model;
    private final int[] hidden;
    final Activation activation;
    final double learningRate;
    final int iterations;
    final long seed;
    final int costEvery;

    Preset(DataSource.Kind kind, ModelKind model, int[] hidden, Activation activation, double learningRate, int iterations,
           long seed, int costEvery) {
        this.kind = kind;
        this.model = model;
        this.hidden = hidden;
        this.activation = activation;
        this.learningRate = learningRate;
        this.iterations = iterations;
        this.seed = seed;
        this.costEvery = costEvery;
    }

    /** The family a kind of data trains when --model is not given: deep for the cats, else one hidden layer. */
    static ModelKind defaultModel(DataSource.Kind kind) {
        return kind == DataSource.Kind.IMAGES ? ModelKind.DEEP : ModelKind.SHALLOW;
    }

    /** The row for this kind of data and model family. */
    static Preset of(DataSource.Kind kind, ModelKind model) {
        for (Preset p : values()) {
            if (p.kind == kind && p.model == model) {
                return p;
            }
        }
        throw new IllegalStateException("Preset: no row for " + kind + " " + model);
    }

    int[] hidden() {
        return hidden.clone();
    }

    static Initializer initializer(ModelKind model) {
        return switch (model) {
            case LOGISTIC -> Initializer.ZEROS;
            case SHALLOW -> Initializer.SMALL_RANDOM;
            case DEEP -> Initializer.SCALED_BY_FAN_IN;
        };
    }

    /** The row as a plan. */
    Plan plan() {
        return plan(iterations);
    }

    /** The row as a plan with another number of iterations (the course's sweeps and comparisons run fewer). */
    Plan plan(int iterations) {
        return new Plan(model, hidden(), activation, new TrainingSettings(learningRate, iterations, initializer(model), seed, costEvery));
    }
}
