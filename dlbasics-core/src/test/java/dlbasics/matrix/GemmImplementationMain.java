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
        System.out.println(Gemm.implementation() + "; product " + (ok ? "ok" : "wrong: " + c));
    }
}
