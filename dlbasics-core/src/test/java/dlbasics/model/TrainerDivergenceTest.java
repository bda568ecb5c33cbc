package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A diverging run stops with a message that names the iteration, the learning rate and a fix. */
class TrainerDivergenceTest {
    /** Pixel-like data left unscaled (0..255), as a user forgets to divide images by 255. */
    private static final GeneratedData DATA = GeneratedData.of(3, 6, 40);
    private static final Matrix UNSCALED = DATA.X.map(v -> Math.floor(Math.min(255, Math.abs(v) * 100)));

    /**
     * With the stable cost (from the logits) and {@code dZ[L] = A[L] - Y}, a merely large learning rate
     * makes the cost large but finite (ReLU units die); a huge one overflows the weights to infinity
     * within two updates, and inf - inf in the next layer gives NaN.
     */
    @Test
    void aHugeLearningRateOnUnscaledInputsThrowsWithAHint() {
        List<Double> heard = new ArrayList<>();
        Trainer trainer = Trainer.builder().learningRate(1e100).iterations(1000).costEvery(1).seed(1)
                .initializer(Initializer.HE)
                .listener(new TrainingListener() {
                    @Override
                    public void onCost(TrainingEvent e) {
                        heard.add(e.cost());
                    }
                }).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(Network.of(6, 8, 8, 1), UNSCALED, DATA.Y));
        assertEquals("Cost became NaN at iteration 2 (learningRate=1.0E100): try a smaller learning rate or scale the inputs "
                + "(images: divide by 255)", e.getMessage());
        assertEquals(1e100, e.learningRate());
        assertTrue(Double.isNaN(e.value()));
        assertEquals("Cost", e.quantity());
        assertEquals(2, e.iteration());
        assertEquals(2, heard.size(), "iterations 0 and 1 recorded finite costs; the NaN is never recorded");
        assertTrue(heard.stream().allMatch(Double::isFinite));
    }

    /**
     * Iterations that do not record the cost do not compute it (a small network's step would spend most of
     * its time there); the same divergence is caught on the same iteration from Z[L].
     */
    @Test
    void divergenceBetweenRecordedCostsIsCaughtFromTheOutput() {
        Trainer trainer = Trainer.builder().learningRate(1e100).iterations(1000).costEvery(100).seed(1)
                .initializer(Initializer.HE).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(Network.of(6, 8, 8, 1), UNSCALED, DATA.Y));
        assertEquals("Output Z[L] became NaN at iteration 2 (learningRate=1.0E100): try a smaller learning rate or scale "
                + "the inputs (images: divide by 255)", e.getMessage());
        assertEquals(2, e.iteration());
    }

    @Test
    void anInfiniteOutputWithAFiniteCostIsCaughtToo() {
        // Z[L] = +Infinity on an example labelled 1 adds softplus(-inf) = 0 to the cost: J stays finite
        Network net = Network.of(1, 1);
        net.W(1).set(0, 0, Double.MAX_VALUE);
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> Trainer.builder().learningRate(0.5).iterations(3).build()
                        .resume(net, Matrix.row(2, 0.5), Matrix.row(1, 1), emptyState()));
        assertEquals("Output Z[L] became Infinity at iteration 0 (learningRate=0.5): try a smaller learning rate or scale "
                + "the inputs (images: divide by 255)", e.getMessage());
    }

    private static TrainingState emptyState() {
        return new TrainingState(0, new double[0], new dlbasics.random.NumpyRandom(1).state());
    }

    /**
     * A learning rate of 1e300 on unscaled inputs blows up every shape within a few iterations, with ReLU
     * hidden layers (tanh saturates at ±1 and keeps a merely huge output finite).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dlbasics.model.NetworkShapes#all")
    void everyShapeStopsWithTheHint(NetworkShapes shape) {
        GeneratedData data = shape.data(3);
        Matrix unscaled = data.X.map(v -> Math.floor(Math.min(255, Math.abs(v) * 100)));
        Trainer trainer = Trainer.builder().learningRate(1e300).iterations(50).costEvery(10).seed(1)
                .initializer(Initializer.HE).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class,
                () -> trainer.fit(Network.of(Activation.RELU, shape.dims), unscaled, data.Y));
        assertTrue(e.iteration() < 10, shape + ": " + e.getMessage());
        assertTrue(e.getMessage().endsWith("(learningRate=1.0E300): try a smaller learning rate or scale the inputs "
                + "(images: divide by 255)"), e.getMessage());
    }

    @Test
    void theMessageReadsLikeTheStyleGuide() {
        assertEquals("Cost became NaN at iteration 37 (learningRate=1.2): try a smaller learning rate or scale the inputs "
                + "(images: divide by 255)", new TrainingDivergedException("Cost", Double.NaN, 37, 1.2).getMessage());
    }

    @Test
    void theSameDataScaledTrainsWithoutDiverging() {
        Matrix scaled = UNSCALED.divide(255);
        TrainingResult r = Trainer.builder().learningRate(1.2).iterations(1000).seed(1).initializer(Initializer.HE).build()
                .fit(Network.of(6, 8, 8, 1), scaled, DATA.Y);
        assertEquals(1000, r.iterations());
        assertTrue(Double.isFinite(r.finalCost()));
    }
}
