package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;

/**
 * Plain gradient descent, the course's {@code update_parameters}: {@code W[l] -= α·dW[l]},
 * {@code b[l] -= α·db[l]} for l = 1..L, with α the learning rate. It keeps no state.
 */
public final class GradientDescent implements UpdateRule {
    @Override
    public Run start(Network network) {
        return (gradients, learningRate) -> {
            for (int l = 1; l <= network.numLayers(); l++) {
                step(network.W(l), gradients.dW(l), learningRate);
                step(network.b(l), gradients.db(l), learningRate);
            }
        };
    }

    /** {@code P -= learningRate · dP} in place, the one update both the trainer and the course's functions use. */
    public static void step(Matrix P, Matrix dP, double learningRate) {
        MatrixOps.subtractScaled(P, learningRate, dP);
    }

    @Override
    public String toString() {
        return "gradient descent";
    }
}
