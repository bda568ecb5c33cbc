package dlbasics.course;

import dlbasics.matrix.Matrix;

/**
 * What {@link DeepNetworkSteps#predict} returns.
 *
 * @param predictions 1 where the output activation is {@code > 0.5}, else 0; {@code 1 x m}
 * @param accuracy    the share of predictions equal to the labels, in [0, 1] (the course prints this
 *                    number; multiply by 100 for percent)
 */
public record DeepPrediction(Matrix predictions, double accuracy) {
}
