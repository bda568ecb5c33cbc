/**
 * The course's pictures as PNG files, drawn off screen (headless): {@link dlbasics.plot.CostCurve}
 * and {@link dlbasics.plot.LearningRates} with XChart; {@link dlbasics.plot.DecisionBoundary},
 * {@link dlbasics.plot.Grid} (the hidden-size sweep) and {@link dlbasics.plot.ImageGrid} (mislabelled
 * images) with Java2D. Renderers return a {@link java.awt.image.BufferedImage};
 * {@link dlbasics.plot.Png#write} saves it atomically. Colours follow the notebooks' matplotlib
 * Spectral map: dark red for label 0, blue-violet for label 1.
 */
package dlbasics.plot;
