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
        return new Run() {
            @Override
            public void update(Gradients gradients, double learningRate) {
                steps(network, gradients, learningRate, true);
            }

            @Override
            public void updateExceptW1(Gradients gradients, double learningRate) {
                steps(network, gradients, learningRate, false);
            }
        };
    }

    private static void steps(Network network, Gradients gradients, double learningRate, boolean withW1) {
        for (int l = 1; l <= network.numLayers(); l++) {
            if (l > 1 || withW1) {
                step(network.W(l), gradients.dW(l), learningRate);
            }
            step(network.b(l), gradients.db(l), learningRate);
        }
    }

    /** True: a step is {@code -α·dW}. */
    @Override
    public boolean linearInGradient() {
        return true;
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
