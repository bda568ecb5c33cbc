package dlbasics.spark;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The partition sum's bits do not depend on the order in which Spark merges partial sums. */
class OrderedSumTest {
    /** Values whose sum depends on the order of addition (1e16 + 1 - 1e16 is 0 or 1). */
    private static double[] vector(Random r) {
        return new double[] {r.nextGaussian() * 1e16, r.nextGaussian(), r.nextDouble() * 1e-8};
    }

    @Test
    void everyMergeOrderGivesTheSameBits() {
        for (int partitions = 1; partitions <= 13; partitions++) {
            Random r = new Random(partitions);
            List<double[]> vectors = new ArrayList<>();
            for (int p = 0; p < partitions; p++) {
                vectors.add(vector(r));
            }
            double[] inOrder = sum(partitions, vectors, identity(partitions), 1);
            for (int trial = 0; trial < 50; trial++) {
                List<Integer> order = identity(partitions);
                Collections.shuffle(order, r);
                double[] shuffled = sum(partitions, vectors, order, 1 + r.nextInt(4));
                assertArrayEquals(inOrder, shuffled, 0.0, "partitions " + partitions + " order " + order);
            }
        }
    }

    @Test
    void theRootIsTheFixedTreeOfPairwiseSums() {
        double[] a = {1e16}, b = {1}, c = {-1e16};
        // three partitions: (p0 + p1) + p2
        OrderedSum s = new OrderedSum(3).add(2, c.clone()).merge(new OrderedSum(3).add(1, b.clone())).merge(new OrderedSum(3).add(0, a.clone()));
        assertEquals((1e16 + 1) + -1e16, s.total()[0], 0.0);
    }

    @Test
    void aMissingOrRepeatedPartitionIsOurBug() {
        OrderedSum s = new OrderedSum(4).add(0, new double[1]).add(1, new double[1]);
        IllegalStateException missing = assertThrows(IllegalStateException.class, s::total);
        assertTrue(missing.getMessage().contains("not added"), missing.getMessage());
        OrderedSum t = new OrderedSum(4).add(0, new double[1]);
        assertThrows(IllegalStateException.class, () -> t.add(0, new double[1]));
    }

    private static List<Integer> identity(int n) {
        List<Integer> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(i);
        }
        return l;
    }

    /** Adds the vectors in {@code order}, grouped into {@code groups} partial sums merged at the end (as treeAggregate does). */
    private static double[] sum(int partitions, List<double[]> vectors, List<Integer> order, int groups) {
        List<OrderedSum> partial = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            partial.add(new OrderedSum(partitions));
        }
        for (int k = 0; k < order.size(); k++) {
            int p = order.get(k);
            partial.get(k % groups).merge(new OrderedSum(partitions).add(p, vectors.get(p).clone()));
        }
        OrderedSum total = new OrderedSum(partitions);
        for (int g = groups - 1; g >= 0; g--) {
            total.merge(partial.get(g));
        }
        return total.total();
    }
}
