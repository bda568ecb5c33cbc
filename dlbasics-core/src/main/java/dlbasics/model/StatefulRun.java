package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.matrix.Shapes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The part the rules with moving averages share: the network's parameters and one or two averages
 * per parameter, named as the course names them ("vdW1", "sdb2"), allocated once at the start.
 * Parameter k is W[l] for k = 2(l-1), b[l] for k = 2(l-1)+1.
 */
abstract class StatefulRun implements UpdateRule.Run {
    final Matrix[] params;
    final Matrix[] v;
    final Matrix[] s;
    final Matrix t = Matrix.zeros(1, 1);
    private final Map<String, Matrix> state = new LinkedHashMap<>();

    StatefulRun(Network network, boolean first, boolean second, boolean counted) {
        int L = network.numLayers();
        params = new Matrix[2 * L];
        v = first ? new Matrix[2 * L] : null;
        s = second ? new Matrix[2 * L] : null;
        for (int l = 1; l <= L; l++) {
            params[2 * (l - 1)] = network.W(l);
            params[2 * (l - 1) + 1] = network.b(l);
        }
        for (int k = 0; k < params.length; k++) {
            String name = "d" + (k % 2 == 0 ? "W" : "b") + (k / 2 + 1);
            if (first) {
                v[k] = Matrix.zeros(params[k].rows(), params[k].cols());
                state.put("v" + name, v[k]);
            }
            if (second) {
                s[k] = Matrix.zeros(params[k].rows(), params[k].cols());
                state.put("s" + name, s[k]);
            }
        }
        if (counted) {
            state.put("t", t);
        }
    }

    /** The gradient of parameter k. */
    static Matrix grad(Gradients g, int k) {
        return k % 2 == 0 ? g.dW(k / 2 + 1) : g.db(k / 2 + 1);
    }

    @Override
    public Map<String, Matrix> state() {
        return Collections.unmodifiableMap(state);
    }

    @Override
    public void restore(Map<String, Matrix> saved) {
        restore("UpdateRule.restore", state, saved);
    }

    /**
     * Copies {@code saved} into the live {@code state}, checking that both hold the same names and shapes; {@code op}
     * names the caller in the message.
     */
    static void restore(String op, Map<String, Matrix> state, Map<String, Matrix> saved) {
        if (!saved.keySet().equals(state.keySet())) {
            throw new IllegalArgumentException(String.format(
                    "%s: the saved state holds %s but this rule keeps %s; resume with the update rule "
                            + "and network of the run that saved it", op, saved.keySet(), state.keySet()));
        }
        for (Map.Entry<String, Matrix> e : state.entrySet()) {
            Matrix from = saved.get(e.getKey());
            if (!from.hasShape(e.getValue().rows(), e.getValue().cols())) {
                throw new IllegalArgumentException(String.format(
                        "%s: %s is %s but must be %s, its parameter's shape", op, e.getKey(), Shapes.shape(from),
                        Shapes.shape(e.getValue())));
            }
            e.getValue().setTo(from);
        }
    }

    /** Checks a moving-average weight β: in [0, 1). */
    static double checkBeta(String op, String name, double beta, String course) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException(String.format(
                    "%s: %s is %s but must lie in [0, 1); it weighs the past in a moving average (the course uses %s)",
                    op, name, beta, course));
        }
        return beta;
    }

    /** Checks ε: positive and finite. */
    static double checkEpsilon(String op, double epsilon) {
        if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException(String.format(
                    "%s: epsilon is %s but must be positive and finite; it keeps the division finite (the course uses 1e-8)",
                    op, epsilon));
        }
        return epsilon;
    }
}
