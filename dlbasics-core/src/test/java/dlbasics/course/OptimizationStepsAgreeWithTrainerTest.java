package dlbasics.course;

import dlbasics.data.Moons;
import dlbasics.matrix.Matrix;
import dlbasics.model.Adam;
import dlbasics.model.GradientDescent;
import dlbasics.model.LearningRateDecay;
import dlbasics.model.Momentum;
import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingResult;
import dlbasics.model.UpdateRule;
import dlbasics.nn.Initializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimization notebook's {@code model} ({@link OptimizationSteps#model}, new matrices per step)
 * and the {@link Trainer} with the same options (He initialization from seed 3, batches of 64 shuffled
 * with seeds 11, 12, ..., the update rule, the step decay) end at the same parameters, bit for bit, on
 * the notebook's moons (make_moons(300, noise=.2) after seed 3, [2, 5, 2, 1]). The epoch costs agree to
 * rounding: the notebook sums cross-entropy terms per batch, the trainer weighs each batch's mean.
 */
class OptimizationStepsAgreeWithTrainerTest {
    private static final int[] DIMS = {2, 5, 2, 1};

    static UpdateRule rule(String optimizer) {
        return switch (optimizer) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(0.9);
            default -> new Adam(0.9, 0.999, 1e-8);
        };
    }

    static Trainer trainer(String optimizer, double learningRate, int epochs, boolean decay) {
        return Trainer.builder().learningRate(learningRate).epochs(epochs).batchSize(64).shuffleSeed(11)
                .initializer(Initializer.HE).seed(3).costEvery(100).updateRule(rule(optimizer))
                .decay(decay ? LearningRateDecay.step(1, 1000) : LearningRateDecay.NONE).build();
    }

    @ParameterizedTest(name = "{0} decay={1}")
    @CsvSource({"gd, false", "momentum, false", "adam, false", "gd, true", "momentum, true", "adam, true"})
    void sameParametersAfter1100Epochs(String optimizer, boolean decay) {
        var moons = Moons.make(300, 0.2, 3);
        int epochs = 1100; // past the first step of the step decay (epoch 1000)
        double learningRate = !decay ? 0.0007 : optimizer.equals("adam") ? 0.01 : 0.1;
        var course = OptimizationSteps.model(moons.X(), moons.Y(), DIMS, optimizer, learningRate, 64, 0.9, 0.9, 0.999, 1e-8,
                epochs, decay ? OptimizationSteps::scheduleLrDecay : null, 1, null);
        Network net = Network.of(DIMS);
        TrainingResult result = trainer(optimizer, learningRate, epochs, decay).fit(net, moons.X(), moons.Y());
        Map<String, Matrix> trained = net.parameters();
        for (Map.Entry<String, Matrix> e : course.parameters().entrySet()) {
            assertArrayEquals(e.getValue().data(), trained.get(e.getKey()).data(), optimizer + " " + e.getKey());
        }
        double[] costs = result.costs();
        assertEquals(course.costs().size(), costs.length, "a cost every 100 epochs");
        for (int i = 0; i < costs.length; i++) {
            assertEquals(course.costs().get(i), costs[i], 1e-12 * Math.abs(costs[i]), "cost of epoch " + 100 * i);
        }
    }
}
