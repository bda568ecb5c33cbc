package dlbasics.model;

import dlbasics.data.Moons;
import dlbasics.nn.Initializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The optimization notebook's results through the library: its moons (make_moons(300, noise=.2) after
 * seed 3), [2, 5, 2, 1] with ReLU, He initialization from seed 3, 5000 epochs of batches of 64 at
 * learning rate 0.0007. The notebook prints 71.67 % for mini-batch gradient descent and momentum (β 0.9)
 * and 94.33 % for Adam; OptimizationReference.py (dlbasics/course test resources) gives the same.
 * Each run takes about 1 to 3 s on this machine.
 */
class TrainerOptimizationTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource({"gd, 215", "momentum, 215", "adam, 283"})
    void theNotebooksAccuracies(String optimizer, int correct) {
        var moons = Moons.make(300, 0.2, 3);
        UpdateRule rule = switch (optimizer) {
            case "gd" -> new GradientDescent();
            case "momentum" -> new Momentum(0.9);
            default -> new Adam();
        };
        Network net = Network.of(2, 5, 2, 1);
        Trainer.builder().learningRate(0.0007).epochs(5000).batchSize(64).shuffleSeed(11).initializer(Initializer.HE).seed(3)
                .updateRule(rule).build().fit(net, moons.X(), moons.Y());
        assertEquals(correct / 300.0, net.accuracy(moons.X(), moons.Y()), 1e-12, optimizer + ": the notebook's accuracy");
    }
}
