package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Activation;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exact Gram form of the first layer ({@link FirstLayer#GRAM}) against the course's algorithm
 * ({@link FirstLayer#DIRECT}): every recorded cost within 1e-9 relative, the same predictions, W[1] close,
 * for gradient descent, momentum, L2, dropout and learning-rate decay; a resumed Gram run equals a straight
 * one bit for bit; AUTO's choice; GRAM where it cannot run is refused with the reason.
 */
class TrainerGramTest {
    /** A trained network and its result. */
    private record Trained(Network network, TrainingResult result) {
    }

    /** The variants of the update step that the Gram form reproduces. */
    enum Variant {
        GD(b -> b),
        MOMENTUM(b -> b.updateRule(new Momentum(0.9))),
        L2(b -> b.l2(0.7)),
        DROPOUT(b -> b.keepProb(0.86)),
        DECAY(b -> b.decay(LearningRateDecay.inverseTime(0.01))),
        ALL(b -> b.updateRule(new Momentum(0.8)).l2(0.3).keepProb(0.9).decay(LearningRateDecay.step(0.5, 50)));

        final UnaryOperator<Trainer.Builder> options;

        Variant(UnaryOperator<Trainer.Builder> options) {
            this.options = options;
        }
    }

    private static Trained train(Trainer.Builder builder, FirstLayer form, Network network, Matrix X, Matrix Y) {
        TrainingResult r = builder.firstLayer(form).build().fit(network, X, Y);
        return new Trained(network, r);
    }

    /** Both forms: costs within 1e-9 relative, same predictions, W[1] within {@code w1Tolerance} of its largest entry. */
    private static void assertAgree(String what, Trainer.Builder builder, Network shape, Matrix X, Matrix Y, double w1Tolerance) {
        Trained direct = train(builder, FirstLayer.DIRECT, shape.copy(), X, Y);
        Trained gram = train(builder, FirstLayer.GRAM, shape.copy(), X, Y);
        double[] dc = direct.result().costs();
        double[] gc = gram.result().costs();
        assertEquals(dc.length, gc.length, what + ": the number of recorded costs");
        for (int i = 0; i < dc.length; i++) {
            assertEquals(dc[i], gc[i], 1e-9 * Math.abs(dc[i]), what + ": recorded cost " + i);
        }
        assertEquals(direct.network().predict(X), gram.network().predict(X), what + ": the predictions");
        Matrix w1 = direct.network().W(1);
        double scale = Math.max(w1.abs().max(), 1e-300);
        double diff = w1.minus(gram.network().W(1)).abs().max();
        assertTrue(diff <= w1Tolerance * scale, what + ": W1 differs by " + diff + " (largest entry " + scale + ")");
        for (int l = 2; l <= shape.numLayers(); l++) {
            Matrix w = direct.network().W(l);
            assertTrue(w.minus(gram.network().W(l)).abs().max() <= 1e-9 * Math.max(w.abs().max(), 1e-300), what + ": W" + l);
        }
    }

    private static Trainer.Builder course(double learningRate, int iterations) {
        return Trainer.builder().learningRate(learningRate).iterations(iterations).costEvery(1).seed(1)
                .initializer(Initializer.SCALED_BY_FAN_IN);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Variant.class)
    void everyVariantAgreesWithTheDirectForm(Variant variant) {
        GeneratedData data = GeneratedData.of(5, 3000, 60);
        Trainer.Builder builder = variant.options.apply(course(0.05, 200).initializer(Initializer.HE));
        assertAgree(variant.name(), builder, Network.of(Activation.RELU, 3000, 20, 7, 5, 1), data.X, data.Y, 1e-11);
    }

    @Test
    void theFlowerAgreesInTheGramFormUntilTheRunsOwnInstability() {
        // the planar-data notebook's flower, network [2, 4, 1] tanh, seed 2 and rate 1.2: costs every 250 iterations
        dlbasics.data.Dataset flower = dlbasics.data.PlanarData.flower(1);
        Trainer.Builder builder = course(1.2, 7500).costEvery(250).seed(2).initializer(Initializer.SMALL_RANDOM);
        assertAgree("flower", builder, Network.of(Activation.TANH, 2, 4, 1), flower.X(), flower.Y(), 1e-12);
        // Near iteration 7800 the cost of this run rises (0.2161 to 0.2194): there the direct form itself moves by
        // 1e-4 relative when one input is one ulp larger, and so does the Gram form; before it, both agree to 1e-15.
        Matrix nudged = flower.X().copy();
        nudged.set(0, 0, Math.nextUp(nudged.get(0, 0)));
        double[] plain = train(builder.iterations(8001), FirstLayer.DIRECT, Network.of(Activation.TANH, 2, 4, 1), flower.X(),
                flower.Y()).result().costs();
        double[] moved = train(builder, FirstLayer.DIRECT, Network.of(Activation.TANH, 2, 4, 1), nudged, flower.Y()).result().costs();
        int last = plain.length - 1;
        assertTrue(Math.abs(moved[last] - plain[last]) > 1e-5 * plain[last], "one ulp of one input moves the cost at 8000");
    }

    @Test
    void theCatShapesAgreeInTheGramForm() {
        // the cat images' shape (12288 x 209) with random values; the L-layer, two-layer and logistic networks
        Matrix X = new NumpyRandom(2).rand(12288, 209);
        Matrix Y = new NumpyRandom(3).rand(1, 209).lessThan(0.35);
        assertAgree("L-layer", course(0.0075, 40), Network.of(12288, 20, 7, 5, 1), X, Y, 1e-11);
        assertAgree("two-layer", course(0.0075, 40).initializer(Initializer.SCALED_BY_FAN_IN),
                Network.of(12288, 7, 1), X, Y, 1e-11);
        assertAgree("logistic", LogisticRegression.trainerBuilder().iterations(60).costEvery(1),
                LogisticRegression.network(12288), X, Y, 1e-11);
    }

    @Test
    void aGramStateIsRefusedOnOtherDataOfTheSameShape() {
        // W1 = a·W1(0) + C·Xᵀ holds only for the X it was saved with: other data must not continue silently
        GeneratedData data = GeneratedData.of(8, 300, 40);
        GeneratedData other = GeneratedData.of(9, 300, 40);
        Trainer.Builder builder = course(0.02, 20).firstLayer(FirstLayer.GRAM);
        Network net = Network.of(Activation.RELU, 300, 6, 1);
        TrainingResult head = builder.iterations(10).build().fit(net, data.X, data.Y);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> builder.iterations(20).build().resume(net, other.X, other.Y, head.finalState()));
        assertTrue(e.getMessage().contains("built on other data than this X (300 x 40)"), e.getMessage());
    }

    @Test
    void aResumedGramRunEqualsAStraightOneBitForBit() {
        GeneratedData data = GeneratedData.of(8, 3000, 40);
        Trainer.Builder builder = Variant.ALL.options.apply(course(0.02, 120).costEvery(7).initializer(Initializer.HE))
                .firstLayer(FirstLayer.GRAM);
        Network straight = Network.of(Activation.RELU, 3000, 20, 7, 1);
        TrainingResult s = builder.build().fit(straight, data.X, data.Y);
        Network split = Network.of(Activation.RELU, 3000, 20, 7, 1);
        TrainingResult head = builder.iterations(50).build().fit(split, data.X, data.Y);
        assertTrue(head.finalState().updateState().containsKey("gram:P"), "the state holds the carried P");
        TrainingResult rest = builder.iterations(120).firstLayer(FirstLayer.AUTO).build()
                .resume(split, data.X, data.Y, head.finalState());
        assertEquals(straight.parameters(), split.parameters(), "parameters after 120 iterations");
        assertArrayEquals(s.costs(), rest.costs(), 0.0, "the cost history");
        assertEquals(s.finalState().updateState(), rest.finalState().updateState(), "the state, velocities included");
    }

    @Test
    void aGramStateResumedDirectlyAndADirectMomentumStateKeepTheirForms() {
        GeneratedData data = GeneratedData.of(12, 3000, 30);
        Trainer.Builder builder = course(0.05, 60).costEvery(10).initializer(Initializer.HE).updateRule(new Momentum());
        // a Gram-form state continued in the direct form (asked for): the costs still agree to rounding
        Network straight = Network.of(3000, 8, 1);
        TrainingResult s = builder.firstLayer(FirstLayer.GRAM).build().fit(straight, data.X, data.Y);
        Network split = Network.of(3000, 8, 1);
        TrainingResult head = builder.iterations(25).build().fit(split, data.X, data.Y);
        TrainingResult rest = builder.iterations(60).firstLayer(FirstLayer.DIRECT).build().resume(split, data.X, data.Y, head.finalState());
        for (int i = 0; i < s.costs().length; i++) {
            assertEquals(s.costs()[i], rest.costs()[i], 1e-9 * s.costs()[i], "cost " + i);
        }
        assertTrue(split.W(1).minus(straight.W(1)).abs().max() <= 1e-12 * straight.W(1).abs().max(), "W1");
        // a direct run's momentum velocity cannot become Gram coefficients: AUTO resumes it directly, bit for bit
        Network direct = Network.of(3000, 8, 1);
        TrainingResult d = builder.firstLayer(FirstLayer.DIRECT).build().fit(direct, data.X, data.Y);
        Network directSplit = Network.of(3000, 8, 1);
        TrainingResult directHead = builder.iterations(25).build().fit(directSplit, data.X, data.Y);
        TrainingResult directRest = builder.iterations(60).firstLayer(FirstLayer.AUTO).build()
                .resume(directSplit, data.X, data.Y, directHead.finalState());
        assertEquals(direct.parameters(), directSplit.parameters(), "AUTO resumed the direct momentum run directly");
        assertArrayEquals(d.costs(), directRest.costs(), 0.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.firstLayer(FirstLayer.GRAM).build()
                .resume(Network.of(3000, 8, 1), data.X, data.Y, directHead.finalState()));
        assertTrue(e.getMessage().contains("velocity vdW1") && e.getMessage().contains("FirstLayer.DIRECT"), e.getMessage());
    }

    @Test
    void listenersReadTheCurrentW1AndCheckpointsHoldTheGramState() {
        GeneratedData data = GeneratedData.of(9, 3000, 30);
        List<Matrix> seen = new ArrayList<>();
        List<TrainingState> states = new ArrayList<>();
        TrainingListener reader = new TrainingListener() {
            @Override
            public void onCost(TrainingEvent e) {
                seen.add(e.network().W(1).copy());
                states.add(e.state());
            }
        };
        Trainer.Builder builder = course(0.05, 30).costEvery(10).updateRule(new Momentum()).initializer(Initializer.HE);
        Network direct = Network.of(3000, 10, 1);
        List<Matrix> expected = new ArrayList<>();
        builder.listener(new TrainingListener() {
            @Override
            public void onCost(TrainingEvent e) {
                expected.add(e.network().W(1).copy());
            }
        }).firstLayer(FirstLayer.DIRECT).build().fit(direct, data.X, data.Y);
        Trainer.Builder gramBuilder = course(0.05, 30).costEvery(10).updateRule(new Momentum()).initializer(Initializer.HE)
                .listener(reader).firstLayer(FirstLayer.GRAM);
        gramBuilder.build().fit(Network.of(3000, 10, 1), data.X, data.Y);
        assertEquals(3, seen.size());
        for (int k = 0; k < 3; k++) {
            assertTrue(seen.get(k).minus(expected.get(k)).abs().max() <= 1e-12 * expected.get(k).abs().max(), "W1 at cost " + k);
        }
        assertNotEquals(seen.get(1), seen.get(2), "W1 moves between the events");
        assertTrue(states.get(2).updateState().keySet().containsAll(List.of("vdW1", "gram:W0", "gram:a", "gram:C", "gram:P",
                "gram:va", "gram:Cv", "gram:Q")), states.get(2).updateState().keySet().toString());
    }

    @Test
    void earlyStoppingPicksTheSameEpochInBothForms() {
        GeneratedData train = GeneratedData.of(10, 3000, 40);
        GeneratedData validation = GeneratedData.of(11, 3000, 20);
        Trainer.Builder builder = course(0.3, 200).initializer(Initializer.HE).patience(5);
        TrainingResult[] results = new TrainingResult[2];
        Network[] nets = new Network[2];
        FirstLayer[] forms = {FirstLayer.DIRECT, FirstLayer.GRAM};
        for (int k = 0; k < 2; k++) {
            nets[k] = Network.of(3000, 8, 1);
            results[k] = builder.firstLayer(forms[k]).build().fit(nets[k], train.X, train.Y, validation.X, validation.Y);
        }
        assertEquals(results[0].iterations(), results[1].iterations(), "the epoch the run stopped at");
        assertEquals(results[0].stopped(), results[1].stopped());
        assertTrue(nets[0].W(1).minus(nets[1].W(1)).abs().max() <= 1e-10 * nets[0].W(1).abs().max(), "the restored best W1");
    }

    @Test
    void gIsGemmsProductBitForBitAndSymmetric() {
        for (int m : new int[] {1, 7, 64, 209}) {
            Matrix X = new NumpyRandom(m).randn(300, m);
            Matrix full = Matrix.zeros(m, m);
            dlbasics.matrix.Gemm.multiply(X, true, X, false, full);
            Matrix G = GramFirstLayer.gram(X);
            assertEquals(full, G, m + " examples: G");
            assertEquals(G, G.transpose(), m + " examples: G is symmetric");
        }
    }

    @Test
    void autoPicksTheGramFormForWideFullBatchLinearRuns() {
        TrainingSettings course = Trainer.builder().build().settings();
        UpdateRule gd = new GradientDescent();
        assertEquals(FirstLayer.GRAM, FirstLayer.resolve(FirstLayer.AUTO, course, gd, 12288, 20, 209, 2500, false), "L-layer cats");
        assertEquals(FirstLayer.GRAM, FirstLayer.resolve(FirstLayer.AUTO, course, gd, 12288, 1, 209, 2000, false), "logistic cats");
        assertEquals(FirstLayer.GRAM, FirstLayer.resolve(FirstLayer.AUTO, course, new Momentum(), 12288, 7, 209, 2500, true),
                "momentum with a validation set");
        assertEquals(FirstLayer.DIRECT, FirstLayer.resolve(FirstLayer.AUTO, course, gd, 2, 4, 400, 10000, false), "the flower");
        assertEquals(FirstLayer.DIRECT, FirstLayer.resolve(FirstLayer.AUTO, course, gd, 784, 64, 60000, 10, false),
                "more examples than inputs");
        assertEquals(FirstLayer.DIRECT, FirstLayer.resolve(FirstLayer.AUTO, course, new Adam(), 12288, 20, 209, 2500, false), "Adam");
        assertEquals(FirstLayer.DIRECT, FirstLayer.resolve(FirstLayer.AUTO, course, new RmsProp(), 12288, 20, 209, 2500, false),
                "RMSprop");
        TrainingSettings batches = Trainer.builder().batchSize(64).build().settings();
        assertEquals(FirstLayer.DIRECT, FirstLayer.resolve(FirstLayer.AUTO, batches, gd, 12288, 20, 209, 2500, false), "mini-batches");
        assertEquals(FirstLayer.DIRECT, FirstLayer.resolve(FirstLayer.AUTO, course, gd, 12288, 20, 209, 0, false), "no iterations");
    }

    @Test
    void gramWhereItCannotRunIsRefusedWithTheReason() {
        IllegalArgumentException adam = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().updateRule(new Adam()).firstLayer(FirstLayer.GRAM).build());
        assertTrue(adam.getMessage().contains("linear in the gradient") && adam.getMessage().contains("Adam")
                && adam.getMessage().contains("DIRECT"), adam.getMessage());
        IllegalArgumentException batches = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder().batchSize(64).firstLayer(FirstLayer.GRAM).build());
        assertTrue(batches.getMessage().contains("full-batch") && batches.getMessage().contains("batchSize is 64"),
                batches.getMessage());
        assertEquals(FirstLayer.GRAM, FirstLayer.parse("Gram"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class, () -> FirstLayer.parse("fast"));
        assertTrue(bad.getMessage().contains("auto, direct and gram"), bad.getMessage());
    }
}
