package dlbasics.playground;

/**
 * The server's bounds on the work a page may ask for; every request beyond them is refused with a
 * JSON error naming the limit. The defaults keep a laptop responsive with a few pages open.
 *
 * @param maxPages               pages (sessions) open at once; each has at most one training
 * @param maxHiddenLayers        hidden layers of a network
 * @param maxUnits               units in one hidden layer
 * @param maxExamples            examples of a generated data set
 * @param maxIterationsPerSecond the fastest speed a page may choose (updates per second per page)
 * @param maxIterations          updates of one run, counted from its start
 */
public record Limits(int maxPages, int maxHiddenLayers, int maxUnits, int maxExamples,
                     int maxIterationsPerSecond, int maxIterations) {
    /** 8 pages, 6 hidden layers of at most 16 units, 2000 examples, 2000 updates/s, 200000 updates a run. */
    public static final Limits DEFAULT = new Limits(8, 6, 16, 2000, 2000, 200_000);

    /** Checks that each bound is at least 1. */
    public Limits {
        if (maxPages < 1 || maxHiddenLayers < 1 || maxUnits < 1 || maxExamples < 10 || maxIterationsPerSecond < 1
                || maxIterations < 1) {
            throw new IllegalArgumentException("Limits: every bound must be at least 1 (maxExamples at least 10); got " + this);
        }
    }

    /** These limits with another page count (the load test opens 20). */
    public Limits withMaxPages(int pages) {
        return new Limits(pages, maxHiddenLayers, maxUnits, maxExamples, maxIterationsPerSecond, maxIterations);
    }
}
