package dlbasics.matrix;

/**
 * Prints {@link Gemm#implementation()} and checks one product; {@code GemmThreadsTest} runs it in a
 * JVM without the Vector API module.
 */
public final class GemmImplementationMain {
    private GemmImplementationMain() {
    }

    public static void main(String[] args) {
        Matrix a = Matrix.of(2, 3, 1, 2, 3, 4, 5, 6);
        Matrix b = Matrix.of(3, 2, 7, 8, 9, 10, 11, 12);
        Matrix c = Matrix.zeros(2, 2);
        Gemm.multiply(a, false, b, false, c);
        boolean ok = c.equals(Matrix.of(2, 2, 58, 64, 139, 154))
                || java.util.Arrays.equals(c.data(), new double[] {58, 64, 139, 154});
        // the packed products take the plain packed kernel too: A · B and A · Bᵀ on a packed B
        Matrix packedC = Matrix.zeros(2, 2);
        Gemm.multiply(a, PackedMatrix.of(b), packedC);
        Matrix packedCt = Matrix.zeros(2, 3);
        Gemm.multiplyTransposed(packedC, PackedMatrix.of(b), packedCt);
        boolean packedOk = java.util.Arrays.equals(packedC.data(), c.data())
                && java.util.Arrays.equals(packedCt.data(), c.multTranspose(b).data())
                && Gemm.packedKernel().description().equals(Gemm.kernel().description());
        System.out.println(Gemm.implementation() + "; product " + (ok ? "ok" : "wrong: " + c)
                + "; packed " + (packedOk ? "ok" : "wrong: " + packedC + " " + packedCt + " " + Gemm.packedKernel().description()));
    }
}
