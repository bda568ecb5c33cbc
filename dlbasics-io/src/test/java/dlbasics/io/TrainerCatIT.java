package dlbasics.io;

import dlbasics.model.Network;
import dlbasics.model.Trainer;
import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;
import dlbasics.nn.Initializer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The course's L-layer application run (notebook 5, {@code L_layer_model}) through the
 * {@link Trainer}: network [12288, 20, 7, 5, 1], ReLU hidden layers, weights randn / sqrt(n[l-1]) under
 * seed 1, learning rate 0.0075, 2500 iterations, on the cat images scaled by 1/255. The expected values
 * are the notebook's printed output (REFERENCE.md, "Printed results to reproduce"): the costs to the
 * six digits it prints, train accuracy 98.5645933 % (206 of 209) and test accuracy 80 % (40 of 50).
 * Slow: about a minute of CPU on a quiet machine.
 */
class TrainerCatIT {
    @Test
    void theTrainerReproducesTheCoursesLLayerRun() {
        CatImages cats = CatImages.readFolder(SharedData.datasets());
        List<Integer> costIterations = new ArrayList<>();
        Trainer trainer = Trainer.builder()
                .learningRate(0.0075).iterations(2500)
                .initializer(Initializer.SCALED_BY_FAN_IN).seed(1)
                .costEvery(100)
                .listener(new TrainingListener() {
                    @Override
                    public void onCost(TrainingEvent e) {
                        costIterations.add(e.iteration());
                    }
                })
                .build();
        Network network = Network.of(12288, 20, 7, 5, 1);
        TrainingResult r = trainer.fit(network, cats.train());

        double[] costs = r.costs();
        assertEquals(25, costs.length);
        assertEquals(0, costIterations.get(0));
        assertEquals(2400, costIterations.get(24));
        String[] printed = {"0.771749", "0.672053", "0.648263", "0.611507", "0.567047"};
        for (int k = 0; k < printed.length; k++) {
            assertEquals(printed[k], String.format("%.6f", costs[k]), "Cost after iteration " + 100 * k);
        }
        assertEquals("0.092878", String.format("%.6f", costs[24]), "Cost after iteration 2400");
        assertEquals(206.0 / 209, network.accuracy(cats.train().X(), cats.train().Y()), 1e-15,
                "train accuracy 98.5645933 %");
        assertEquals(40.0 / 50, network.accuracy(cats.test().X(), cats.test().Y()), 1e-15, "test accuracy 80 %");
    }
}
