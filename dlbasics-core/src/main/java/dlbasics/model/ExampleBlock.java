package dlbasics.model;

import dlbasics.matrix.Matrix;

import java.util.Arrays;

/**
 * The rows of one block of consecutive examples for {@link SmallNetworkStep}: each unit's values over the
 * block's examples in an array of its own (C2 vectorises a loop over several arrays at one index, not
 * over one array at several offsets), and 1 x len {@link Matrix} views of them for the nn kernels.
 *
 * <pre>
 * for layer l = 0..L (n[l] units) and len examples:
 *   A[0][p]              X's row p over the block, copied once
 *   Z[l][i], A[l][i]     unit i's pre-activation and activation (l >= 1)
 *   dZ[l][i], dA[l][i]   their gradients (dA for l = 1..L-1, and for L with OutputGradient.COURSE; else null)
 *   Y                    the block's labels, 1 x len
 *   sumRows[l], sumInputs[l]   the groups of the gradient sums of layer l (RowKernels.groups)
 * </pre>
 */
final class ExampleBlock {
    final double[][][] A;
    final double[][][] Z;
    final double[][][] dA;
    final double[][][] dZ;
    final Matrix[][] AM;
    final Matrix[][] ZM;
    final Matrix[][] dAM;
    final Matrix[][] dZM;
    final Matrix Y;
    final double[][][][] sumRows;
    final double[][][][] sumInputs;

    /** The rows of examples {@code from .. from+len-1} of X ({@code n[0] x m}) and Y ({@code 1 x m}), for layer sizes n. */
    ExampleBlock(int[] n, Matrix X, Matrix Y, int from, int len, boolean outputDA) {
        int L = n.length - 1;
        int m = X.cols();
        A = new double[L + 1][][];
        Z = new double[L + 1][][];
        dA = new double[L + 1][][];
        dZ = new double[L + 1][][];
        AM = new Matrix[L + 1][];
        ZM = new Matrix[L + 1][];
        dAM = new Matrix[L + 1][];
        dZM = new Matrix[L + 1][];
        sumRows = new double[L + 1][][][];
        sumInputs = new double[L + 1][][][];
        this.Y = Matrix.wrap(1, len, Arrays.copyOfRange(Y.data(), from, from + len));
        A[0] = new double[n[0]][];
        for (int p = 0; p < n[0]; p++) {
            A[0][p] = Arrays.copyOfRange(X.data(), p * m + from, p * m + from + len);
        }
        double[] ones = new double[len];
        Arrays.fill(ones, 1.0);
        for (int l = 1; l <= L; l++) {
            boolean withDA = l < L || outputDA;
            A[l] = new double[n[l]][];
            Z[l] = new double[n[l]][];
            dZ[l] = new double[n[l]][];
            dA[l] = new double[n[l]][];
            AM[l] = new Matrix[n[l]];
            ZM[l] = new Matrix[n[l]];
            dZM[l] = new Matrix[n[l]];
            dAM[l] = new Matrix[n[l]];
            for (int i = 0; i < n[l]; i++) {
                A[l][i] = new double[len];
                Z[l][i] = new double[len];
                dZ[l][i] = new double[len];
                AM[l][i] = Matrix.wrap(1, len, A[l][i]);
                ZM[l][i] = Matrix.wrap(1, len, Z[l][i]);
                dZM[l][i] = Matrix.wrap(1, len, dZ[l][i]);
                if (withDA) {
                    dA[l][i] = new double[len];
                    dAM[l][i] = Matrix.wrap(1, len, dA[l][i]);
                }
            }
            double[][] in = Arrays.copyOf(A[l - 1], n[l - 1] + 1);
            in[n[l - 1]] = ones;
            double[][][][] groups = RowKernels.groups(dZ[l], in);
            sumRows[l] = groups[0];
            sumInputs[l] = groups[1];
        }
    }
}
