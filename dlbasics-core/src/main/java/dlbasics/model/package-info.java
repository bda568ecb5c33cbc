/**
 * Networks and their training: {@link dlbasics.model.Network} (layer sizes, live parameters W[l] and
 * b[l], prediction), {@link dlbasics.model.Trainer} (the course's loop: forward, cost, backward, then an
 * {@link dlbasics.model.UpdateRule}, today {@link dlbasics.model.GradientDescent}, moving the parameters
 * by their {@link dlbasics.model.Gradients} dW1, db1, ...), and what a run reports.
 *
 * <pre>{@code
 * Network network = Network.of(12288, 20, 7, 5, 1);          // the course's L-layer network
 * TrainingResult r = Trainer.builder()                        // the course's settings are the defaults
 *         .listener(new TrainingListener() {
 *             public void onCost(TrainingEvent e) { log.info("Cost after iteration {}: {}", e.iteration(), e.cost()); }
 *         })
 *         .build()
 *         .fit(network, X, Y);                                 // X 12288 x 209 scaled by 1/255, Y 1 x 209
 * double trainAccuracy = network.accuracy(X, Y);              // 0.985645933 in the course
 * }</pre>
 *
 * <ul>
 *   <li>Progress goes through {@link dlbasics.model.TrainingListener}s; the library never prints.
 *       A listener can stop a run ({@link dlbasics.model.TrainingEvent#requestStop()}) or take a
 *       checkpoint ({@link dlbasics.model.TrainingEvent#state()} with a copy of the network), which
 *       {@link dlbasics.model.Trainer#resume} continues bit for bit.</li>
 *   <li>A NaN or infinite cost or output throws {@link dlbasics.model.TrainingDivergedException} with
 *       a suggested fix.</li>
 *   <li>{@link dlbasics.model.LogisticRegression} is a preset: {@code Network.of(nX, 1)} trained from
 *       zeros, the course's "logistic regression with a neural network mindset".</li>
 *   <li>The maths is {@code dlbasics.nn}'s ({@code Linear}, {@code Activation}, {@code Loss}); the course's
 *       step-by-step functions in {@code dlbasics.course} call the same code.</li>
 * </ul>
 */
package dlbasics.model;
