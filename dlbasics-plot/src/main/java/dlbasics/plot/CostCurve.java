package dlbasics.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * The course's cost curve, titled with the learning rate ({@code plt.plot(costs); plt.ylabel('cost');
 * plt.title("Learning rate =" + str(learning_rate))}), with the x axis in iterations rather than the
 * course's "per hundreds", which is only right when the cost is recorded every 100 iterations.
 */
public final class CostCurve {
    private CostCurve() {
    }

    /**
     * @param costs        the recorded costs, cost k taken before the update of iteration k·costEvery
     * @param costEvery    iterations between two recorded costs (100 in the course)
     * @param learningRate shown in the title
     */
    public static BufferedImage render(double[] costs, int costEvery, double learningRate, int width, int height) {
        return render(costs, costEvery, "Learning rate =" + LearningRates.format(learningRate), width, height);
    }

    /** The same curve with a title of your own. */
    public static BufferedImage render(double[] costs, int costEvery, String title, int width, int height) {
        Png.headless();
        checkCosts(costs, costEvery);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("iterations").yAxisTitle("cost").build();
        Charts.style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        chart.addSeries("cost", iterations(costs.length, costEvery), costs.length == 1 ? new double[] {costs[0], costs[0]} : costs)
                .setMarker(SeriesMarkers.NONE).setLineColor(new Color(0x1f, 0x77, 0xb4));
        roundTicks(chart, costs[0]);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * Training and validation cost per epoch on shared axes, with a legend: how far the two curves part
     * shows overfitting (the validation curve turning up is where early stopping stops).
     *
     * @param trainCosts      the training cost of epochs 1..n
     * @param validationCosts the validation cost of epochs 1..n (the same length)
     */
    public static BufferedImage renderWithValidation(double[] trainCosts, double[] validationCosts, String title, int width, int height) {
        Png.headless();
        if (trainCosts.length == 0 || trainCosts.length != validationCosts.length) {
            throw new IllegalArgumentException(String.format(
                    "CostCurve.renderWithValidation: %d training and %d validation costs; give one of each per epoch, at least one",
                    trainCosts.length, validationCosts.length));
        }
        checkCosts(trainCosts, 1);
        checkCosts(validationCosts, 1);
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("epochs").yAxisTitle("cost").build();
        Charts.style(chart);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        int n = trainCosts.length;
        double[] x = new double[Math.max(n, 2)];
        for (int k = 0; k < x.length; k++) {
            x[k] = k + 1;
        }
        chart.addSeries("training", x, n == 1 ? new double[] {trainCosts[0], trainCosts[0]} : trainCosts)
                .setMarker(SeriesMarkers.NONE).setLineColor(Charts.series(0));
        chart.addSeries("validation", x, n == 1 ? new double[] {validationCosts[0], validationCosts[0]} : validationCosts)
                .setMarker(SeriesMarkers.NONE).setLineColor(Charts.series(1));
        return BitmapEncoder.getBufferedImage(chart);
    }

    /**
     * XChart puts the x ticks on the data points when they are equally spaced (every 7 iterations gives
     * ticks at 231, 462, ...); an invisible point off that grid makes it choose round ticks (0, 500, 1,000, ...).
     */
    static void roundTicks(XYChart chart, double y) {
        chart.addSeries(" ", new double[] {0.5}, new double[] {y}).setMarker(SeriesMarkers.NONE)
                .setLineColor(new Color(0, 0, 0, 0)).setShowInLegend(false);
    }

    /** x values: the iteration of each recorded cost (two points for a single cost, so a line shows). */
    static double[] iterations(int n, int costEvery) {
        double[] x = new double[Math.max(n, 2)];
        for (int k = 0; k < x.length; k++) {
            x[k] = k * (double) costEvery;
        }
        return x;
    }

    static void checkCosts(double[] costs, int costEvery) {
        if (costs.length == 0) {
            throw new IllegalArgumentException("CostCurve: there are no costs to draw; train for at least one iteration with costEvery >= 1");
        }
        if (costEvery <= 0) {
            throw new IllegalArgumentException("CostCurve: costEvery is " + costEvery + "; it is the number of iterations between recorded costs, 1 or more");
        }
        for (int k = 0; k < costs.length; k++) {
            if (!Double.isFinite(costs[k])) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "CostCurve: cost %d (iteration %d) is %s; a diverged run has no curve to draw — try a smaller learning rate",
                        k, k * costEvery, costs[k]));
            }
        }
    }
}
