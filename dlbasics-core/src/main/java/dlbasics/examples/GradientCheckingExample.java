package dlbasics.examples;

import dlbasics.course.GradientCheckingSteps;
import dlbasics.course.RegularizationSteps;
import dlbasics.matrix.Matrix;
import dlbasics.random.NumpyRandom;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The gradient checking notebook's main run: its test case (seed 1, X 4 x 3, labels [1, 1, 0], layers
 * [4, 5, 3, 1], every parameter by randn), checked once with the correct backward pass and once with
 * the notebook's two planted bugs (dW2 doubled, db1 computed with 4/m). Prints, as the notebook does:
 * <pre>
 * Your backward propagation works perfectly fine! difference = 1.189041787877932E-7
 * There is a mistake in the backward propagation! difference = 0.285093156780699
 * </pre>
 * (numpy prints 1.1890913024229996e-07 and 0.2850931567761623: the first is mostly the rounding of J
 * divided by epsilon = 1e-7, so its digits after the third follow the last bits of J.)
 */
public final class GradientCheckingExample {
    private GradientCheckingExample() {
    }

    /** Runs the example, printing to standard output. */
    public static void main(String[] args) {
        run(System.out);
    }

    /** Checks the correct and the planted-bug gradients, printing the notebook's verdicts to {@code out}. */
    public static void run(PrintStream out) {
        NumpyRandom rng = new NumpyRandom(1);
        Matrix X = rng.randn(4, 3);
        Matrix Y = Matrix.row(1, 1, 0);
        Map<String, Matrix> parameters = new LinkedHashMap<>();
        int[] dims = {4, 5, 3, 1};
        for (int l = 1; l < dims.length; l++) {
            parameters.put("W" + l, rng.randn(dims[l], dims[l - 1]));
            parameters.put("b" + l, rng.randn(dims[l], 1));
        }
        var forward = RegularizationSteps.forwardPropagation(X, parameters);
        Map<String, Matrix> gradients = RegularizationSteps.backwardPropagation(X, Y, forward.cache());
        print(out, GradientCheckingSteps.gradientCheckN(parameters, gradients, X, Y));

        Map<String, Matrix> buggy = new LinkedHashMap<>(gradients);
        buggy.put("dW2", gradients.get("dW2").times(2));
        buggy.put("db1", gradients.get("dZ1").rowSums().times(4.0 / X.cols()));
        print(out, GradientCheckingSteps.gradientCheckN(parameters, buggy, X, Y));
    }

    private static void print(PrintStream out, GradientCheckingSteps.Check check) {
        out.printf(Locale.ROOT, "%s difference = %s%n", check.passed()
                ? "Your backward propagation works perfectly fine!"
                : "There is a mistake in the backward propagation!", check.difference());
    }
}
