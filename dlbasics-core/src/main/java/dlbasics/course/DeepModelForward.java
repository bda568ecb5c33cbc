package dlbasics.course;

import dlbasics.matrix.Matrix;

import java.util.List;

/**
 * The result of {@link DeepNetworkSteps#lModelForward}: the output activations and one cache per layer.
 *
 * @param AL     the sigmoid output, {@code n[L] x m} (usually {@code 1 x m})
 * @param caches the layer caches, layer 1 first ({@code caches.get(l - 1)} is layer l's)
 */
public record DeepModelForward(Matrix AL, List<DeepLayerCache> caches) {
    /** Keeps an unmodifiable copy of the list. */
    public DeepModelForward {
        caches = List.copyOf(caches);
    }
}
