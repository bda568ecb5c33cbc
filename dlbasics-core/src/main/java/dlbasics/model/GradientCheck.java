package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

/**
 * Gradient checking for any {@link Network}: the gradients of the one engine's backward pass
 * ({@link Propagation}, with the loss, L2 and dropout the trainer uses) against centred differences
 * of its cost, the course's {@code gradient_check_n}:
 * <pre>
 * for each parameter θi:  gradapprox_i = (J(θ + ε·e_i) - J(θ - ε·e_i)) / (2ε)
 * difference = ‖grad - gradapprox‖₂ / (‖grad‖₂ + ‖gradapprox‖₂)      (passes below 1e-7)
 * </pre>
 * Dropout is checked with a fixed mask: every evaluation draws its masks from
 * {@code new NumpyRandom(maskSeed)}, so J is one differentiable function of θ. The network's parameters
 * are restored afterwards. Costs 2·(number of parameters) forward passes: for small networks.
 */
public final class GradientCheck {
    /** The course's threshold: a correct backward pass gives a difference below this. */
    public static final double THRESHOLD = 1e-7;

    private GradientCheck() {
    }

    /**
     * What a check found.
     *
     * @param difference the relative difference of the backward pass's and the numerical gradient
     * @param worst      the name of the parameter with the largest absolute difference, e.g. "dW2[1][0]"
     */
    public record Result(double difference, String worst) {
        /** True when {@link #difference()} is below {@link GradientCheck#THRESHOLD}. */
        public boolean passed() {
            return difference < THRESHOLD;
        }
    }

    /** {@link #check(Network, Matrix, Matrix, double, double, long, double)} without regularization, ε = 1e-7. */
    public static Result check(Network network, Matrix X, Matrix Y) {
        return check(network, X, Y, 0.0, 1.0, 1, 1e-7);
    }

    /**
     * Checks the gradients of the cost J (cross-entropy plus the L2 term) at the network's parameters.
     *
     * @param X        inputs, {@code n[0] x m}
     * @param Y        labels, {@code n[L] x m}
     * @param l2       λ, 0 or more
     * @param keepProb dropout's keep probability, in (0, 1]
     * @param maskSeed the seed of the fixed dropout masks
     * @param epsilon  the step ε (the course uses 1e-7)
     */
    public static Result check(Network network, Matrix X, Matrix Y, double l2, double keepProb, long maskSeed, double epsilon) {
        if (network == null || X == null || Y == null) {
            throw new IllegalArgumentException("GradientCheck.check: network, X and Y must not be null");
        }
        network.checkInput("GradientCheck.check", X);
        new TrainingSettings(0.1, 0, dlbasics.nn.Initializer.ZEROS, 0, 1, 0, 0, l2, keepProb, LearningRateDecay.NONE); // checks l2, keepProb
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("GradientCheck.check: epsilon is " + epsilon + "; use a small positive step such as 1e-7");
        }
        Propagation pass = new Propagation(network, X, Y, OutputGradient.A_MINUS_Y, false, l2, keepProb);
        pass.forward(new NumpyRandom(maskSeed));
        pass.backward();
        double diffSquares = 0;
        double gradSquares = 0;
        double approxSquares = 0;
        double worstValue = -1;
        String worst = "";
        for (int l = 1; l <= network.numLayers(); l++) {
            for (int kind = 0; kind < 2; kind++) {
                Matrix P = kind == 0 ? network.W(l) : network.b(l);
                Matrix G = (kind == 0 ? pass.gradients().dW(l) : pass.gradients().db(l)).copy();
                double[] p = P.data();
                for (int i = 0; i < p.length; i++) {
                    double theta = p[i];
                    p[i] = theta + epsilon;
                    pass.forward(new NumpyRandom(maskSeed));
                    double plus = pass.cost();
                    p[i] = theta - epsilon;
                    pass.forward(new NumpyRandom(maskSeed));
                    double minus = pass.cost();
                    p[i] = theta;
                    double approx = (plus - minus) / (2 * epsilon);
                    double grad = G.data()[i];
                    double d = grad - approx;
                    diffSquares += d * d;
                    gradSquares += grad * grad;
                    approxSquares += approx * approx;
                    if (Math.abs(d) > worstValue) {
                        worstValue = Math.abs(d);
                        worst = String.format("d%s%d[%d][%d]", kind == 0 ? "W" : "b", l, i / P.cols(), i % P.cols());
                    }
                }
            }
        }
        double denominator = Math.sqrt(gradSquares) + Math.sqrt(approxSquares);
        return new Result(denominator == 0 ? 0 : Math.sqrt(diffSquares) / denominator, worst);
    }
}
