package dlbasics.bench;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.MatrixOps;
import dlbasics.model.Network;
import dlbasics.nn.Activation;
import dlbasics.nn.Linear;
import dlbasics.nn.Losses;

/**
 * A minimal full-batch gradient-descent loop over the core kernels with every buffer allocated once:
 * the Java side of the benchmarks until dlbasics.model.Trainer lands (then the benchmarks use that).
 *
 * <p>Per iteration: forward {@code Z[l] = W[l]·A[l-1] + b[l]}, {@code A[l] = g(Z[l])} (sigmoid on the
 * output); backward from {@code dZ[L] = A[L] - Y}; {@code dW, db} by {@link Linear#backward} (no dA0
 * for the input layer); update {@code W -= rate·dW}, {@code b -= rate·db}. Shapes as in the course.
 */
final class BenchTrainer {
    private final Network net;
    private final Matrix X;
    private final Matrix Y;
    private final int layers;
    private final Matrix[] Z;
    private final Matrix[] A;
    private final Matrix[] dA;
    private final Matrix[] dZ;
    private final Matrix[] dW;
    private final Matrix[] db;

    BenchTrainer(Network net, Matrix X, Matrix Y) {
        this.net = net;
        this.X = X;
        this.Y = Y;
        this.layers = net.numLayers();
        int m = X.cols();
        int[] dims = net.layerDims();
        Z = new Matrix[layers + 1];
        A = new Matrix[layers + 1];
        dA = new Matrix[layers + 1];
        dZ = new Matrix[layers + 1];
        dW = new Matrix[layers + 1];
        db = new Matrix[layers + 1];
        A[0] = X;
        for (int l = 1; l <= layers; l++) {
            Z[l] = Matrix.zeros(dims[l], m);
            A[l] = Matrix.zeros(dims[l], m);
            dA[l] = Matrix.zeros(dims[l], m);
            dZ[l] = Matrix.zeros(dims[l], m);
            dW[l] = Matrix.zeros(dims[l], dims[l - 1]);
            db[l] = Matrix.zeros(dims[l], 1);
        }
    }

    /** One gradient-descent iteration; returns the cost of the forward pass when {@code withCost}, else NaN. */
    double step(double learningRate, boolean withCost) {
        for (int l = 1; l <= layers; l++) {
            Linear.forward(net.W(l), A[l - 1], net.b(l), Z[l]);
            net.activation(l).forward(Z[l], A[l]);
        }
        double cost = withCost ? Losses.crossEntropy(A[layers], Y) : Double.NaN;
        // dZ[L] = A[L] - Y (sigmoid output with cross-entropy)
        MatrixOps.minus(A[layers], Y, dZ[layers]);
        for (int l = layers; l >= 1; l--) {
            if (l < layers) {
                net.activation(l).backward(dA[l], Z[l], A[l], dZ[l]);
            }
            Linear.backward(dZ[l], A[l - 1], net.W(l), dW[l], db[l], l > 1 ? dA[l - 1] : null);
        }
        for (int l = 1; l <= layers; l++) {
            MatrixOps.subtractScaled(net.W(l), learningRate, dW[l]);
            MatrixOps.subtractScaled(net.b(l), learningRate, db[l]);
        }
        return cost;
    }

    /** {@code iterations} steps; the cost every {@code every} iterations (from 0), the last one returned. */
    double train(int iterations, double learningRate, int every) {
        double last = Double.NaN;
        for (int i = 0; i < iterations; i++) {
            boolean record = i % every == 0;
            double cost = step(learningRate, record);
            if (record) {
                last = cost;
            }
        }
        return last;
    }

    /** Which hidden activation the course uses: ReLU for the cat networks, tanh for the flower. */
    static Activation hidden(String workload) {
        return "flower".equals(workload) ? Activation.TANH : Activation.RELU;
    }
}
