/**
 * {@link dlbasics.random.NumpyRandom}: numpy's legacy generator (Mersenne Twister, {@code np.random.seed},
 * {@code rand}, {@code randn}, {@code permutation}, ...), draw for draw, so that seeded runs start from
 * the course's initial weights. Generators are passed explicitly; there is no global state.
 */
package dlbasics.random;
