/**
 * The course's notebooks function by function, under Java names, returning new matrices as the
 * notebooks do: {@link dlbasics.course.NumpyBasics} (notebook 1), {@link dlbasics.course.LogisticRegressionSteps}
 * (2), {@link dlbasics.course.OneHiddenLayerSteps} (3) and {@link dlbasics.course.DeepNetworkSteps}
 * (4 and 5). Parameters, caches and gradients are maps keyed by the course's names ("W1", "dW1", ...).
 * The maths is {@code dlbasics.nn}'s, the same code the trainer runs, so N iterations here and in
 * {@link dlbasics.model.Trainer} end at the same parameters; seeded runs print the course's numbers.
 */
package dlbasics.course;
