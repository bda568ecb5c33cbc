package dlbasics.model;

import dlbasics.matrix.Matrix;
import dlbasics.nn.Initializer;
import dlbasics.random.NumpyRandom;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * predictProbabilities on more than PREDICT_COLUMNS examples runs in blocks of columns (so a large set's
 * activations never exist whole) and gives the same bits as predicting any range of columns alone,
 * including a range that straddles two blocks.
 */
class NetworkPredictBlocksTest {
    @Test
    void blocksGiveTheSameBitsAsOnePass() {
        int m = 2 * Network.PREDICT_COLUMNS + 37;
        NumpyRandom rng = new NumpyRandom(5);
        Matrix X = rng.rand(12, m);
        Network net = Network.of(12, 9, 4).initialize(Initializer.HE, new NumpyRandom(2));
        Matrix P = net.predictProbabilities(X);
        assertEquals(4, P.rows());
        assertEquals(m, P.cols());
        for (int[] range : new int[][] {{0, 100}, {Network.PREDICT_COLUMNS - 50, Network.PREDICT_COLUMNS + 50}, {m - 37, m}}) {
            Matrix alone = net.predictProbabilities(X.columns(range[0], range[1]));
            assertArrayEquals(alone.data(), P.columns(range[0], range[1]).data(), "columns " + Arrays.toString(range));
        }
        Matrix labels = net.predict(X);
        assertEquals(m, labels.cols());
    }
}
