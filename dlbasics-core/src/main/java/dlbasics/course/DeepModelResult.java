package dlbasics.course;

import dlbasics.matrix.Matrix;

import java.util.List;
import java.util.Map;

/**
 * What {@link DeepNetworkSteps#twoLayerModel} and {@link DeepNetworkSteps#lLayerModel} return, the
 * course's {@code parameters, costs}.
 *
 * @param parameters the trained parameters by course name, W1, b1, W2, b2, ... in that order
 * @param costs      the cost before the update of iterations 0, 100, 200, ... (one every 100)
 */
public record DeepModelResult(Map<String, Matrix> parameters, List<Double> costs) {
    /** Keeps unmodifiable copies (the map keeps its order). */
    public DeepModelResult {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        costs = List.copyOf(costs);
    }
}
