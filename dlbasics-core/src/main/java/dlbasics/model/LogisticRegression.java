package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;

/**
 * The course's logistic regression ("with a neural network mindset") as a thin preset of
 * {@link Network} and {@link Trainer}. It expands to exactly:
 * <pre>{@code
 * Network network = Network.of(nX, 1);          // one sigmoid unit: W1 is 1 x nX, b1 is 1 x 1
 * Trainer trainer = Trainer.builder()
 *         .initializer(Initializer.ZEROS)        // initialize_with_zeros: w = 0, b = 0
 *         .learningRate(0.005).iterations(2000)  // the course's run on the cat images
 *         .costEvery(100)
 *         .build();
 * trainer.fit(network, X, Y);
 * }</pre>
 * The course's {@code w} ({@code nX x 1}) is {@code W1ᵀ} and its {@code b} is {@code b1}: with
 * {@code A = σ(wᵀX + b)} the course's gradients {@code dw = (1/m) X (A - Y)ᵀ} and
 * {@code db = (1/m) Σ (A - Y)} are the transposed {@code dW1} and {@code db1} of the network.
 */
public final class LogisticRegression {
    /** The course's learning rate for the cat images. */
    public static final double COURSE_LEARNING_RATE = 0.005;
    /** The course's number of iterations for the cat images. */
    public static final int COURSE_ITERATIONS = 2000;

    private LogisticRegression() {
    }

    /** {@code Network.of(nX, 1)}: logistic regression on nX features, parameters 0. */
    public static Network network(int nX) {
        return Network.of(nX, 1);
    }

    /** A builder preset to ZEROS, learning rate 0.005, 2000 iterations, cost every 100; change what you need. */
    public static Trainer.Builder trainerBuilder() {
        return Trainer.builder()
                .initializer(Initializer.ZEROS)
                .learningRate(COURSE_LEARNING_RATE)
                .iterations(COURSE_ITERATIONS)
                .costEvery(100);
    }

    /** The preset trainer with this learning rate and number of iterations. */
    public static Trainer trainer(double learningRate, int iterations) {
        return trainerBuilder().learningRate(learningRate).iterations(iterations).build();
    }

    /** A trained logistic regression: the network and how training went. */
    public record Fit(Network network, TrainingResult result) {
    }

    /**
     * The course's {@code model(X_train, Y_train, ..., num_iterations, learning_rate)}: a fresh
     * {@link #network}(X.rows()) trained by {@link #trainer}(learningRate, iterations).
     *
     * @param X inputs, {@code nX x m}
     * @param Y labels, {@code 1 x m}
     */
    public static Fit fit(Matrix X, Matrix Y, double learningRate, int iterations) {
        Network network = network(X.rows());
        TrainingResult result = trainer(learningRate, iterations).fit(network, X, Y);
        return new Fit(network, result);
    }

    /** The course's weight column {@code w = W1ᵀ}, {@code nX x 1}, of a logistic-regression network. */
    public static Matrix w(Network network) {
        checkShape(network);
        return network.W(1).transpose();
    }

    /** The course's bias {@code b = b1[0][0]} of a logistic-regression network. */
    public static double b(Network network) {
        checkShape(network);
        return network.b(1).get(0, 0);
    }

    private static void checkShape(Network network) {
        int[] dims = network.layerDims();
        if (dims.length != 2 || dims[1] != 1) {
            throw new IllegalArgumentException("LogisticRegression: the network " + java.util.Arrays.toString(dims)
                    + " is not logistic regression; that is one layer with one unit, Network.of(nX, 1)");
        }
    }
}
