package dlbasics.matrix;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Elementwise.forEach visits every index exactly once, small loops on the caller, large ones in ranges. */
class ElementwiseTest {
    @Test
    void everyIndexIsVisitedOnce() {
        for (int n : new int[] {0, 1, Elementwise.PARALLEL_MIN - 1, Elementwise.PARALLEL_MIN, 5 * Elementwise.RANGE + 3}) {
            int[] visits = new int[n];
            Elementwise.forEach(n, (from, to) -> {
                for (int i = from; i < to; i++) {
                    visits[i]++;
                }
            });
            for (int i = 0; i < n; i++) {
                assertEquals(1, visits[i], "index " + i + " of " + n);
            }
        }
    }

    @Test
    void smallLoopsRunOnTheCaller() {
        Thread caller = Thread.currentThread();
        boolean[] elsewhere = {false};
        Elementwise.forEach(Elementwise.PARALLEL_MIN - 1, (from, to) -> elsewhere[0] |= Thread.currentThread() != caller);
        assertTrue(!elsewhere[0], "a loop below PARALLEL_MIN ran on another thread");
    }

    @Test
    void rejectsANegativeCount() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Elementwise.forEach(-1, (a, b) -> { }));
        assertTrue(e.getMessage().startsWith("Elementwise.forEach: n is -1"), e.getMessage());
    }
}
