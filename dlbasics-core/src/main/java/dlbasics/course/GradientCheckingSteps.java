package dlbasics.course;

import dlbasics.matrix.Matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The second course's "Gradient Checking" notebook under Java names, for any L-layer network whose
 * parameters are keyed W1, b1, ..., WL, bL (the notebook's has L = 3).
 *
 * <pre>
 * course                                              Java
 * dictionary_to_vector(parameters)                    dictionaryToVector(parameters)   -> theta(), keys()
 * vector_to_dictionary(theta)                         vectorToDictionary(theta, layersDims)
 * gradients_to_vector(gradients)                      gradientsToVector(gradients)
 * gradient_check_n(parameters, gradients, X, Y, eps)  gradientCheckN(parameters, gradients, X, Y)  -> difference(), passed()
 * </pre>
 *
 * <p>The vector is W1, b1, W2, b2, ... each flattened row by row (numpy's C order) and stacked into
 * one column, {@code n x 1} with n the number of parameters. The check nudges each entry of it by
 * ±epsilon and compares the centred difference {@code (J(θ + ε) - J(θ - ε)) / 2ε} with the analytic
 * gradient:
 * <pre>
 * difference = ‖grad - gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)
 * </pre>
 * which the notebook reads as a likely bug above 2e-7. With ε = 1e-7 the centred difference's own
 * error is about {@code ulp(J) / ε}, so a correct backward lands near 1e-9 to 1e-7, depending on how
 * large the gradients are.
 */
public final class GradientCheckingSteps {
    /** The notebook's epsilon. */
    public static final double EPSILON = 1e-7;
    /** Above this difference the notebook prints "There is a mistake in the backward propagation!". */
    public static final double THRESHOLD = 2e-7;

    private GradientCheckingSteps() {
    }

    /**
     * What {@link #dictionaryToVector} returns, the notebook's {@code theta, keys}.
     *
     * @param theta the parameters as one column, {@code n x 1}
     * @param keys  for each row of theta the name of the parameter it came from ("W1", "W1", ..., "b1", ...)
     */
    public record Flattened(Matrix theta, List<String> keys) {
        /** Keeps an unmodifiable copy of the keys. */
        public Flattened {
            keys = List.copyOf(keys);
        }
    }

    /**
     * What {@link #gradientCheckN} returns.
     *
     * @param difference {@code ‖grad - gradapprox‖ / (‖grad‖ + ‖gradapprox‖)}
     * @param passed     whether difference is at most {@link #THRESHOLD} (false for NaN)
     */
    public record Check(double difference, boolean passed) {
    }

    /**
     * {@code dictionary_to_vector}: W1, b1, ..., WL, bL, each in C order, stacked into one column.
     *
     * @param parameters W1, b1, ..., WL, bL
     * @return theta ({@code n x 1}) and the name of each row
     */
    public static Flattened dictionaryToVector(Map<String, Matrix> parameters) {
        int L = RegularizationSteps.numLayers("dictionaryToVector", parameters);
        List<Matrix> parts = new ArrayList<>(2 * L);
        List<String> keys = new ArrayList<>();
        for (int l = 1; l <= L; l++) {
            for (String key : new String[] {"W" + l, "b" + l}) {
                Matrix p = parameters.get(key);
                parts.add(p);
                keys.addAll(Collections.nCopies(p.size(), key));
            }
        }
        return new Flattened(stack(parts), keys);
    }

    /**
     * {@code gradients_to_vector}: dW1, db1, ..., dWL, dbL in the order and layout of
     * {@link #dictionaryToVector}, so that row i of both refers to the same parameter.
     *
     * @param gradients holding dW1, db1, ..., dWL, dbL (other keys such as dA1 or dZ1 are ignored)
     * @return {@code n x 1}
     */
    public static Matrix gradientsToVector(Map<String, Matrix> gradients) {
        int L = 0;
        while (gradients.containsKey("dW" + (L + 1))) {
            L++;
        }
        if (L == 0) {
            throw new IllegalArgumentException(String.format(
                    "gradientsToVector: no dW1 among the gradients %s; pass what a backward pass returned (dW1, db1, ...)",
                    gradients.keySet()));
        }
        List<Matrix> parts = new ArrayList<>(2 * L);
        for (int l = 1; l <= L; l++) {
            for (String key : new String[] {"dW" + l, "db" + l}) {
                Matrix g = gradients.get(key);
                if (g == null) {
                    throw new IllegalArgumentException(String.format(
                            "gradientsToVector: the gradients have dW%d but no %s (keys %s); every layer needs both", l, key,
                            gradients.keySet()));
                }
                parts.add(g);
            }
        }
        return stack(parts);
    }

    private static Matrix stack(List<Matrix> parts) {
        int n = 0;
        for (Matrix p : parts) {
            n += p.size();
        }
        double[] theta = new double[n];
        int at = 0;
        for (Matrix p : parts) {
            System.arraycopy(p.data(), 0, theta, at, p.size());
            at += p.size();
        }
        return Matrix.wrap(n, 1, theta);
    }

    /**
     * {@code vector_to_dictionary}: the inverse of {@link #dictionaryToVector} for a network of
     * {@code layersDims} (the notebook's is fixed to [4, 5, 3, 1]).
     *
     * @param theta      {@code n x 1}, n = Σ_l n[l]·(n[l-1] + 1)
     * @param layersDims {@code [n0, n1, ..., nL]}
     * @return W1, b1, ..., WL, bL, new matrices
     */
    public static Map<String, Matrix> vectorToDictionary(Matrix theta, int[] layersDims) {
        InitializationSteps.checkDims("vectorToDictionary", layersDims);
        Map<String, Matrix> like = new LinkedHashMap<>();
        for (int l = 1; l < layersDims.length; l++) {
            like.put("W" + l, Matrix.zeros(layersDims[l], layersDims[l - 1]));
            like.put("b" + l, Matrix.zeros(layersDims[l], 1));
        }
        return vectorToDictionary(theta, like);
    }

    /** As {@link #vectorToDictionary(Matrix, int[])}, the shapes taken from {@code like} (W1, b1, ...; its values are ignored). */
    public static Map<String, Matrix> vectorToDictionary(Matrix theta, Map<String, Matrix> like) {
        String op = "vectorToDictionary";
        int L = RegularizationSteps.numLayers(op, like);
        int n = 0;
        for (int l = 1; l <= L; l++) {
            n += like.get("W" + l).size() + like.get("b" + l).size();
        }
        if (theta.cols() != 1 || theta.rows() != n) {
            throw new IllegalArgumentException(String.format(
                    "%s: theta is %dx%d but the layers hold %d parameters; theta must be %dx1, as dictionaryToVector makes it",
                    op, theta.rows(), theta.cols(), n, n));
        }
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        int at = 0;
        for (int l = 1; l <= L; l++) {
            for (String key : new String[] {"W" + l, "b" + l}) {
                Matrix shape = like.get(key);
                double[] values = new double[shape.size()];
                System.arraycopy(theta.data(), at, values, 0, values.length);
                at += values.length;
                parameters.put(key, Matrix.wrap(shape.rows(), shape.cols(), values));
            }
        }
        return parameters;
    }

    /**
     * {@code gradient_check_n} with the notebook's epsilon, 1e-7, on the plain network's cost
     * ({@link RegularizationSteps#forwardPropagation} then {@link RegularizationSteps#computeCost}).
     *
     * @param parameters W1, b1, ..., WL, bL
     * @param gradients  dW1, db1, ..., dWL, dbL, the backward pass under test
     * @param X          {@code n[0] x m}
     * @param Y          {@code 1 x m}
     */
    public static Check gradientCheckN(Map<String, Matrix> parameters, Map<String, Matrix> gradients, Matrix X, Matrix Y) {
        return gradientCheckN(parameters, gradients, X, Y, EPSILON);
    }

    /** As {@link #gradientCheckN(Map, Map, Matrix, Matrix)} with the given epsilon. */
    public static Check gradientCheckN(Map<String, Matrix> parameters, Map<String, Matrix> gradients, Matrix X, Matrix Y,
                                       double epsilon) {
        return gradientCheckN(parameters, gradients,
                p -> RegularizationSteps.computeCost(RegularizationSteps.forwardPropagation(X, p).AL(), Y), epsilon);
    }

    /**
     * {@code gradient_check_n} for any cost: {@code cost} maps parameters (keyed as {@code parameters})
     * to J, e.g. the cost with L2 or through dropout with its fixed seed, and {@code gradients} is the
     * backward pass of that cost. Each of the n parameters costs two evaluations of J.
     *
     * @param epsilon the nudge, positive (the notebook uses 1e-7)
     */
    public static Check gradientCheckN(Map<String, Matrix> parameters, Map<String, Matrix> gradients,
                                       ToDoubleFunction<Map<String, Matrix>> cost, double epsilon) {
        String op = "gradientCheckN";
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException(String.format(
                    "%s: epsilon is %s but must be positive and finite (the notebook uses 1e-7)", op, epsilon));
        }
        Matrix parametersValues = dictionaryToVector(parameters).theta();
        Matrix grad = gradientsToVector(gradients);
        int numParameters = parametersValues.rows();
        if (grad.rows() != numParameters) {
            throw new IllegalArgumentException(String.format(
                    "%s: the parameters hold %d values but the gradients %d; pass the gradients of these parameters "
                            + "(dW1, db1, ... of the same shapes as W1, b1, ...)", op, numParameters, grad.rows()));
        }
        Matrix gradapprox = Matrix.zeros(numParameters, 1);
        for (int i = 0; i < numParameters; i++) {
            Matrix thetaPlus = parametersValues.copy();
            thetaPlus.set(i, 0, thetaPlus.get(i, 0) + epsilon);
            double jPlus = cost.applyAsDouble(vectorToDictionary(thetaPlus, parameters));
            Matrix thetaMinus = parametersValues.copy();
            thetaMinus.set(i, 0, thetaMinus.get(i, 0) - epsilon);
            double jMinus = cost.applyAsDouble(vectorToDictionary(thetaMinus, parameters));
            gradapprox.set(i, 0, (jPlus - jMinus) / (2 * epsilon));
        }
        double numerator = grad.minus(gradapprox).norm();
        double denominator = grad.norm() + gradapprox.norm();
        double difference = numerator / denominator;
        return new Check(difference, difference <= THRESHOLD);
    }
}
