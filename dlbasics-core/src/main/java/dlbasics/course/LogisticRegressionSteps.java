package dlbasics.course;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;
import dlbasics.model.GradientDescent;
import dlbasics.model.TrainingDivergedException;
import dlbasics.nn.Activation;
import dlbasics.nn.Linear;
import dlbasics.nn.Loss;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ObjDoubleConsumer;

/**
 * The course's notebook 2, "logistic regression with a neural network mindset", function by function:
 * one sigmoid unit {@code A = σ(wᵀX + b)} trained by full-batch gradient descent on the cross-entropy.
 * The maths is the one dense layer's ({@link Linear}, {@link Activation}, {@link Loss}): the course's
 * w ({@code dim x 1}) has the storage of the layer's {@code W = wᵀ} ({@code 1 x dim}), so it is wrapped,
 * not copied, and dW is dwᵀ.
 *
 * <p>Shapes, m examples in columns: X is {@code dim x m} (12288 x 209 for the cat images), Y is
 * {@code 1 x m} with labels 0/1, w and dw are {@code dim x 1}, b and db are numbers, A is {@code 1 x m}.
 */
public final class LogisticRegressionSteps {
    /** optimize records (and reports) the cost every this many iterations, iteration 0 first. */
    public static final int COST_EVERY = 100;

    private LogisticRegressionSteps() {
    }

    /** The gradients of the cost: dw ({@code dim x 1}) and db. */
    public record Gradients(Matrix dw, double db) {
    }

    /** The result of {@link #propagate}: the gradients and the cost. */
    public record Propagation(Gradients grads, double cost) {
    }

    /**
     * The result of {@link #optimize}: the learnt w ({@code dim x 1}) and b, the gradients of the last
     * iteration, and the costs at iterations 0, 100, 200, ...
     */
    public record Optimization(Matrix w, double b, Gradients grads, List<Double> costs) {
        /** Copies the list so the record stays as trained. */
        public Optimization {
            costs = List.copyOf(costs);
        }
    }

    /**
     * The result of {@link #model}, the notebook's dictionary {@code d}: costs every 100 iterations,
     * predictions ({@code 1 x m_test}, {@code 1 x m_train}), w ({@code dim x 1}), b, the settings, and
     * the accuracies in percent as the notebook prints them ({@code 100 - mean(|Ŷ - Y|) · 100}).
     */
    public record Result(List<Double> costs, Matrix YPredictionTest, Matrix YPredictionTrain, Matrix w, double b,
                         double learningRate, int numIterations, double trainAccuracy, double testAccuracy) {
        /** Copies the list so the record stays as trained. */
        public Result {
            costs = List.copyOf(costs);
        }
    }

    /**
     * {@code initialize_with_zeros(dim)}: w is a {@code dim x 1} column of zeros; b = 0 (a number,
     * {@link Optimization#b()}), so only w is returned.
     *
     * @return w, {@code dim x 1} zeros
     */
    public static Matrix initializeWithZeros(int dim) {
        Shapes.check(dim > 0, "initializeWithZeros: dim is %d; it is the number of features n_x (X.rows()), at least 1", dim);
        return Matrix.zeros(dim, 1);
    }

    /**
     * {@code propagate(w, b, X, Y)}, the forward and backward pass:
     * <pre>
     * A    = σ(wᵀ X + b)                                      1 x m
     * cost = -(1/m) Σ [y log a + (1-y) log(1-a)]              (finite even when A saturates)
     * dw   = (1/m) X (A - Y)ᵀ                                 dim x 1
     * db   = (1/m) Σ (A - Y)
     * </pre>
     *
     * @param w the weights, {@code dim x 1}
     * @param X the input, {@code dim x m}
     * @param Y the labels, {@code 1 x m}
     */
    public static Propagation propagate(Matrix w, double b, Matrix X, Matrix Y) {
        checkShapes("propagate", w, X);
        if (Y.rows() != 1 || Y.cols() != X.cols()) {
            throw new IllegalArgumentException(String.format(
                    "propagate: X is %s but Y is %s; Y must be 1 x m, one label per column of X%s",
                    Shapes.shape(X), Shapes.shape(Y), Y.cols() == 1 && Y.rows() == X.cols() ? " (did you mean Y.transpose()?)" : ""));
        }
        Matrix W = rowView(w);
        Matrix bias = Matrix.filled(1, 1, b);
        Matrix A = Matrix.zeros(1, X.cols());
        Linear.forward(W, X, bias, A);
        Activation.SIGMOID.forward(A, A);
        double cost = Loss.BINARY_CROSS_ENTROPY.cost(A, Y);
        // dZ = A - Y, in place in A
        Loss.BINARY_CROSS_ENTROPY.outputGradient(A, Y, A);
        Matrix dW = Matrix.zeros(1, w.rows());
        Matrix db = Matrix.zeros(1, 1);
        Linear.backward(A, X, W, dW, db, null);
        return new Propagation(new Gradients(columnView(dW), db.get(0, 0)), cost);
    }

    /** {@code A = σ(wᵀ X + b)}, {@code 1 x m}, through the dense layer. */
    private static Matrix activation(Matrix w, double b, Matrix X) {
        Matrix A = Matrix.zeros(1, X.cols());
        Linear.forward(rowView(w), X, Matrix.filled(1, 1, b), A);
        Activation.SIGMOID.forward(A, A);
        return A;
    }

    /** The layer's {@code W = wᵀ}, {@code 1 x dim}, sharing w's storage. */
    private static Matrix rowView(Matrix w) {
        return Matrix.wrap(1, w.rows(), w.data());
    }

    /** The course's {@code dw = dWᵀ}, {@code dim x 1}, sharing dW's storage. */
    private static Matrix columnView(Matrix dW) {
        return Matrix.wrap(dW.cols(), 1, dW.data());
    }

    /** {@link #optimize(Matrix, double, Matrix, Matrix, int, double, ObjDoubleConsumer)} without a listener. */
    public static Optimization optimize(Matrix w, double b, Matrix X, Matrix Y, int numIterations, double learningRate) {
        return optimize(w, b, X, Y, numIterations, learningRate, null);
    }

    /**
     * {@code optimize(w, b, X, Y, num_iterations, learning_rate)}: {@code numIterations} times
     * {@link #propagate}, then {@code w = w - learning_rate · dw}, {@code b = b - learning_rate · db}.
     * The cost of iteration i (before its update) is recorded when i is a multiple of 100, and w, b are
     * then checked to be finite ({@link TrainingDivergedException} if not). The w passed in is not changed.
     *
     * @param w            the starting weights, {@code dim x 1}
     * @param X            the input, {@code dim x m}
     * @param Y            the labels, {@code 1 x m}
     * @param costListener told {@code (iteration, cost)} each time a cost is recorded (the notebook's
     *                     {@code print_cost}); may be null
     * @return w ({@code dim x 1}), b, the last gradients and the costs
     */
    public static Optimization optimize(Matrix w, double b, Matrix X, Matrix Y, int numIterations, double learningRate,
                                        ObjDoubleConsumer<Integer> costListener) {
        Shapes.check(numIterations >= 0, "optimize: numIterations is %d; it must be zero or more", numIterations);
        checkShapes("optimize", w, X);
        Matrix W = w.copy();
        Gradients grads = null;
        List<Double> costs = new ArrayList<>();
        for (int i = 0; i < numIterations; i++) {
            Propagation p = propagate(W, b, X, Y);
            grads = p.grads();
            // w = w - learning_rate * dw;  b = b - learning_rate * db
            GradientDescent.step(W, grads.dw(), learningRate);
            b = b - learningRate * grads.db();
            if (i % COST_EVERY == 0) {
                checkFinite(p.cost(), W, b, i, learningRate);
                costs.add(p.cost());
                if (costListener != null) {
                    costListener.accept(i, p.cost());
                }
            }
        }
        return new Optimization(W, b, grads, costs);
    }

    /**
     * {@code predict(w, b, X)}: 1 where {@code σ(wᵀ X + b) > 0.5}, else 0.
     *
     * @param w the weights, {@code dim x 1}
     * @param X the input, {@code dim x m}
     * @return predictions 0/1, {@code 1 x m}
     */
    public static Matrix predict(Matrix w, double b, Matrix X) {
        checkShapes("predict", w, X);
        Matrix A = activation(w, b, X);
        double[] a = A.data();
        for (int j = 0; j < a.length; j++) {
            a[j] = a[j] > 0.5 ? 1.0 : 0.0;
        }
        return A;
    }

    /** {@link #model(Matrix, Matrix, Matrix, Matrix, int, double, ObjDoubleConsumer)} without a listener. */
    public static Result model(Matrix XTrain, Matrix YTrain, Matrix XTest, Matrix YTest, int numIterations,
                               double learningRate) {
        return model(XTrain, YTrain, XTest, YTest, numIterations, learningRate, null);
    }

    /**
     * {@code model(X_train, Y_train, X_test, Y_test, num_iterations, learning_rate)}: w and b from zeros,
     * {@link #optimize}, then predictions and accuracies on both sets. The notebook's defaults are 2000
     * iterations and learning rate 0.5; its cat run uses 0.005.
     *
     * @param XTrain {@code dim x m_train}
     * @param YTrain labels 0/1, {@code 1 x m_train}
     * @param XTest  {@code dim x m_test}
     * @param YTest  labels 0/1, {@code 1 x m_test}
     */
    public static Result model(Matrix XTrain, Matrix YTrain, Matrix XTest, Matrix YTest, int numIterations,
                               double learningRate, ObjDoubleConsumer<Integer> costListener) {
        Dataset.validate("model (training set)", XTrain, YTrain);
        Dataset.validate("model (test set)", XTest, YTest);
        if (XTrain.rows() != XTest.rows()) {
            throw new IllegalArgumentException(String.format(
                    "model: XTrain is %s but XTest is %s; both need the same features (rows), prepared the same way",
                    Shapes.shape(XTrain), Shapes.shape(XTest)));
        }
        Matrix w = initializeWithZeros(XTrain.rows());
        Optimization o = optimize(w, 0.0, XTrain, YTrain, numIterations, learningRate, costListener);
        Matrix YPredictionTest = predict(o.w(), o.b(), XTest);
        Matrix YPredictionTrain = predict(o.w(), o.b(), XTrain);
        return new Result(o.costs(), YPredictionTest, YPredictionTrain, o.w(), o.b(), learningRate, numIterations,
                accuracy(YPredictionTrain, YTrain), accuracy(YPredictionTest, YTest));
    }

    /**
     * The notebook's accuracy in percent, {@code 100 - mean(|Ŷ - Y|) · 100} (for 2 errors in 209:
     * 99.04306220095694).
     *
     * @param YPrediction 0/1, {@code 1 x m}
     * @param Y           labels 0/1, {@code 1 x m}
     */
    public static double accuracy(Matrix YPrediction, Matrix Y) {
        Shapes.sameShape("accuracy", YPrediction, Y);
        Shapes.check(Y.cols() > 0, "accuracy: Y has no examples (0 columns); an accuracy needs m > 0");
        return 100 - YPrediction.minus(Y).abs().mean() * 100;
    }

    /** A non-finite cost, w or b: the run diverged (the message suggests a fix). */
    private static void checkFinite(double cost, Matrix w, double b, int iteration, double learningRate) {
        int bad = w.firstNonFinite();
        if (!Double.isFinite(cost)) {
            throw new TrainingDivergedException("Cost", cost, iteration, learningRate);
        } else if (bad >= 0) {
            throw new TrainingDivergedException("w", w.data()[bad], iteration, learningRate);
        } else if (!Double.isFinite(b)) {
            throw new TrainingDivergedException("b", b, iteration, learningRate);
        }
    }

    private static void checkShapes(String op, Matrix w, Matrix X) {
        if (w.cols() != 1 || w.rows() != X.rows()) {
            throw new IllegalArgumentException(String.format(
                    "%s: w is %s but X is %s; w must be n_x x 1 = %dx1, one weight per row (feature) of X%s",
                    op, Shapes.shape(w), Shapes.shape(X), X.rows(),
                    w.cols() == 1 && w.rows() == X.cols() ? " — examples go in columns, did you mean X.transpose()?" : ""));
        }
    }
}
