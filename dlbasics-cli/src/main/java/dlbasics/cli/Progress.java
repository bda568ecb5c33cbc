package dlbasics.cli;

import dlbasics.model.TrainingEvent;
import dlbasics.model.TrainingListener;
import dlbasics.model.TrainingResult;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Shows training progress, fed by the trainer's events (the library never prints). Everywhere (CI logs,
 * pipes, tests, terminals) it writes one plain line per recorded cost: in the course's wording for
 * full-batch runs, {@code Cost after iteration 100: 0.672053}, and per epoch for mini-batch runs,
 * {@code Cost after epoch 3: 0.672053}; with a validation set, one line per recorded epoch with the
 * accuracies. On a terminal it also redraws a bar under those lines after every epoch, at most ten
 * times a second, fitted to the terminal's width, and clears it at the end:
 * <pre>
 * [#######.......................] epoch 1200/5000  cost 0.345678  accuracy  88.00 %  validation  87.50 %    1.2 s left
 * </pre>
 */
final class Progress implements TrainingListener {
    private static final int BAR = 30;
    /** The width assumed when the terminal's is unknown. */
    static final int DEFAULT_WIDTH = 80;
    private final PrintWriter out;
    private final boolean terminal;
    private final String prefix;
    private final int width;
    private double lastCost = Double.NaN;
    private double accuracy = Double.NaN;
    private double validationAccuracy = Double.NaN;
    private long lastDraw;
    private boolean barShown;
    private int start;

    /** A progress display for a terminal {@value #DEFAULT_WIDTH} columns wide. */
    Progress(PrintWriter out, boolean terminal, String prefix) {
        this(out, terminal, prefix, DEFAULT_WIDTH);
    }

    /**
     * @param terminal draw the bar (stdout is a console)
     * @param prefix   put before each line, e.g. "  " or "[hidden 5] "
     * @param width    the terminal's width in columns; the bar's line stays one column narrower (no wrap)
     */
    Progress(PrintWriter out, boolean terminal, String prefix, int width) {
        this.out = out;
        this.terminal = terminal;
        this.prefix = prefix;
        this.width = Math.max(width, 20);
    }

    @Override
    public void onStart(TrainingEvent e) {
        start = e.iteration();
    }

    /** "iteration" for full-batch runs (the course's word), "epoch" for mini-batch runs. */
    private static String unit(TrainingEvent e) {
        return e.settings().fullBatch() ? "iteration" : "epoch";
    }

    /** A recorded cost: its line, unless a validation set's epoch line carries it. */
    @Override
    public void onCost(TrainingEvent e) {
        lastCost = e.cost();
        if (e.validating()) {
            return;
        }
        clearBar();
        out.println(prefix + "Cost after " + unit(e) + " " + e.iteration() + ": " + Format.cost(e.cost()));
        out.flush();
    }

    /**
     * With a validation set, one plain line per recorded epoch (every costEvery epochs and the last):
     * {@code Epoch 100: cost 0.312345, accuracy 88.00 %, validation cost 0.334567, validation accuracy 87.50 %}.
     */
    @Override
    public void onEpoch(TrainingEvent e) {
        lastCost = e.trainCost();
        accuracy = e.trainAccuracy();
        validationAccuracy = e.validationAccuracy();
        if (e.iteration() % e.settings().costEvery() == 0 || e.iteration() == e.totalIterations()) {
            clearBar();
            out.println(prefix + "Epoch " + e.iteration() + ": cost " + Format.cost(e.trainCost()) + ", accuracy "
                    + Format.percent(e.trainAccuracy()) + ", validation cost " + Format.cost(e.validationCost())
                    + ", validation accuracy " + Format.percent(e.validationAccuracy()));
            out.flush();
        }
        draw(e);
    }

    /** Without a validation set the bar moves after every update (one per epoch); with one, after the epoch's metrics. */
    @Override
    public void onUpdate(TrainingEvent e) {
        if (!e.validating()) {
            draw(e);
        }
    }

    @Override
    public void onEnd(TrainingResult r) {
        clearBar();
    }

    private void draw(TrainingEvent e) {
        if (!terminal) {
            return;
        }
        long now = System.nanoTime();
        if (barShown && now - lastDraw < 100_000_000L && e.iteration() < e.totalIterations()) {
            return;
        }
        lastDraw = now;
        long elapsed = e.elapsedNanos();
        int done = e.iteration() - start; // a resumed run's time left counts only its own epochs
        long left = done <= 0 ? -1 : (long) ((double) elapsed * (e.totalIterations() - e.iteration()) / done);
        String line = bar(unit(e), e.iteration(), e.totalIterations(), lastCost, accuracy, validationAccuracy, left, width - 1);
        out.print("\r" + line + " ".repeat(width - 1 - line.length())); // blanks over a longer earlier line
        out.flush();
        barShown = true;
    }

    private void clearBar() {
        if (barShown) {
            out.print("\r" + " ".repeat(width - 1) + "\r");
            barShown = false;
        }
    }

    /**
     * The bar's line, at most {@code columns} characters:
     * {@code [#########.....] epoch 1200/2500  cost 0.345678  accuracy  88.00 %  validation  87.50 %    1.2 s left},
     * each field in a fixed width.
     * NaN values are left out (no accuracy without a validation set, no cost before the first); a narrow
     * terminal drops the validation, the accuracy and the cost, in that order, then shortens the bar.
     *
     * @param leftNanos the estimated time left, negative when unknown
     */
    static String bar(String unit, int done, int total, double cost, double accuracy, double validationAccuracy, long leftNanos,
                      int columns) {
        List<String> fields = new ArrayList<>();
        // fixed widths, so that the bar keeps its length from one draw to the next
        String totalText = Integer.toString(total);
        fields.add(unit + " " + " ".repeat(Math.max(0, totalText.length() - Integer.toString(done).length())) + done + "/" + totalText);
        fields.add(Double.isNaN(cost) ? null : "cost " + Format.cost(cost));
        fields.add(Double.isNaN(accuracy) ? null : "accuracy " + percent(accuracy));
        fields.add(Double.isNaN(validationAccuracy) ? null : "validation " + percent(validationAccuracy));
        String left = String.format(java.util.Locale.ROOT, "%7s left", leftNanos < 0 ? "?" : remaining(leftNanos));
        for (int drop = 3; ; drop--) {
            String text = text(fields, left);
            int room = columns - text.length() - 3; // "[", "] "
            if (room >= 10 || drop == 0) {
                int bar = Math.min(BAR, room);
                if (bar < 1) {
                    return text.length() <= columns ? text : text.substring(0, columns);
                }
                int filled = total == 0 ? bar : (int) ((long) bar * done / total);
                return "[" + "#".repeat(filled) + ".".repeat(bar - filled) + "] " + text;
            }
            fields.set(drop, null);
        }
    }

    /** "12.3 s" under a minute, "33m 20s" under an hour, "2h 05m" beyond: at most 7 characters below 100 hours. */
    static String remaining(long nanos) {
        double seconds = nanos / 1e9;
        if (seconds < 59.95) {
            return Format.seconds(nanos);
        }
        long s = Math.round(seconds);
        return s < 3600 ? String.format(java.util.Locale.ROOT, "%dm %02ds", s / 60, s % 60)
                : String.format(java.util.Locale.ROOT, "%dh %02dm", s / 3600, s % 3600 / 60);
    }

    /** "  88.00 %": two decimals, right-aligned in 8 characters. */
    private static String percent(double share) {
        return String.format(java.util.Locale.ROOT, "%6.2f %%", share * 100);
    }

    private static String text(List<String> fields, String left) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (f != null) {
                sb.append(f).append("  ");
            }
        }
        return sb.append(left).toString();
    }
}
