package dlbasics.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The course's learning-rate comparison: one cost curve per learning rate on shared axes, with a
 * legend of the rates ({@code for i in learning_rates: plt.plot(costs, label=str(lr))}).
 */
public final class LearningRates {
    private LearningRates() {
    }

    /**
     * @param costsByRate the recorded costs of each run, keyed by its learning rate, in legend order
     * @param costEvery   iterations between two recorded costs (the same for every run)
     */
    public static BufferedImage render(Map<Double, double[]> costsByRate, int costEvery, int width, int height) {
        Png.headless();
        if (costsByRate.isEmpty()) {
            throw new IllegalArgumentException("LearningRates: no runs to compare; give at least one learning rate with its costs");
        }
        XYChart chart = new XYChartBuilder().width(width).height(height).title("Cost for each learning rate")
                .xAxisTitle("iterations").yAxisTitle("cost").build();
        Charts.style(chart);
        chart.getStyler().setXAxisDecimalPattern("#,##0");
        int k = 0;
        for (Map.Entry<Double, double[]> e : costsByRate.entrySet()) {
            double[] costs = e.getValue();
            CostCurve.checkCosts(costs, costEvery);
            chart.addSeries(format(e.getKey()), CostCurve.iterations(costs.length, costEvery),
                            costs.length == 1 ? new double[] {costs[0], costs[0]} : costs)
                    .setMarker(SeriesMarkers.NONE).setLineColor(Charts.series(k++));
        }
        CostCurve.roundTicks(chart, costsByRate.values().iterator().next()[0]);
        return BitmapEncoder.getBufferedImage(chart);
    }

    /** A learning rate as Python's str() prints it for the course's values: 0.0075, 0.01, 1.2, 1e-04 stays 0.0001. */
    static String format(double learningRate) {
        return BigDecimal.valueOf(learningRate).stripTrailingZeros().toPlainString();
    }
}
