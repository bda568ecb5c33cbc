/**
 * Data sets in the course's layout ({@link dlbasics.data.Dataset}: X is {@code n_x x m}, Y is {@code 1 x m},
 * labels 0/1) and seeded generators of small 2-D sets: the course's flower ({@link dlbasics.data.PlanarData},
 * numpy's points to one ulp) and the notebook's extra sets (moons, circles, blobs, Gaussian quantiles,
 * spirals, XOR, no structure). Every generator takes its seed; none keeps global state.
 */
package dlbasics.data;
