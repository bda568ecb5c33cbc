package dlbasics.cli;

import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;

import java.io.PrintWriter;

/**
 * Shows training progress. Not on a terminal (CI logs, pipes, tests) it writes one line per recorded
 * cost in the course's wording, {@code Cost after iteration 100: 0.672053}. On a terminal it also
 * redraws a bar under those lines with the iteration, the last cost and the time left, at most ten
 * times a second, and clears it at the end.
 */
final class Progress implements TrainingListener {
    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;
    private final String prefix;
    private double lastCost = Double.NaN;
    private long lastDraw;
    private boolean barShown;

    /**
     * @param terminal draw the bar (stdout is a console)
     * @param prefix   put before each line, e.g. "  " or "[hidden 5] "
     */
    Progress(PrintWriter out, boolean terminal, String prefix) {
        this.out = out;
        this.terminal = terminal;
        this.prefix = prefix;
    }

    @Override
    public void onCost(TrainingEvent e) {
        lastCost = e.cost();
        clearBar();
        out.println(prefix + "Cost after iteration " + e.iteration() + ": " + Format.cost(e.cost()));
        out.flush();
    }

    /**
     * With a validation set, one plain line per recorded epoch (every costEvery epochs and the last):
     * {@code Epoch 100: cost 0.312345, accuracy 88.00 %, validation cost 0.334567, validation accuracy 87.50 %}.
     */
    @Override
    public void onEpoch(TrainingEvent e) {
        if (e.iteration() % e.settings().costEvery() != 0 && e.iteration() != e.totalIterations()) {
            return;
        }
        clearBar();
        out.println(prefix + "Epoch " + e.iteration() + ": cost " + Format.cost(e.trainCost()) + ", accuracy "
                + Format.percent(e.trainAccuracy()) + ", validation cost " + Format.cost(e.validationCost())
                + ", validation accuracy " + Format.percent(e.validationAccuracy()));
        out.flush();
    }

    @Override
    public void onUpdate(TrainingEvent e) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw < 100_000_000L && e.iteration() < e.totalIterations()) {
            return;
        }
        lastDraw = now;
        out.print("\r" + bar(e.iteration(), e.totalIterations(), lastCost, e.elapsedNanos()));
        out.flush();
        barShown = true;
    }

    @Override
    public void onEnd(TrainingResult r) {
        clearBar();
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
            barShown = false;
        }
    }

    /** "[#########.....] 1200/2500  cost 0.345678  1.2 s left". */
    static String bar(int done, int total, double cost, long elapsedNanos) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        String left = done == 0 ? "?" : Format.seconds(elapsedNanos * (total - done) / done);
        return "[" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + done + "/" + total
                + "  cost " + (Double.isNaN(cost) ? "-" : Format.cost(cost)) + "  " + left + " left";
    }
}
