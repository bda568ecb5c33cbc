package dlbasics.playground;

import dlbasics.data.Blobs;
import dlbasics.data.Circles;
import dlbasics.data.Dataset;
import dlbasics.data.GaussianQuantiles;
import dlbasics.data.Moons;
import dlbasics.data.NoStructure;
import dlbasics.data.PlanarData;
import dlbasics.data.Spirals;
import dlbasics.data.Xor;

import java.util.List;

/**
 * The 2-D data sets the page offers: the names {@code dlbasics train --data} takes, each with its
 * default size and its one shape parameter ("noise": a standard deviation, or the blobs' spread and the
 * quantiles' variance). The defaults are the generators' {@code make(seed)}, i.e. what the CLI trains on.
 */
enum DataSets {
    FLOWER("flower", 400, null, 0, 0, 0),
    CIRCLES("circles", 200, "noise", 0.3, 0, 1),
    MOONS("moons", 200, "noise", 0.2, 0, 1),
    BLOBS("blobs", 200, "spread", 1.0, 0.1, 3),
    QUANTILES("quantiles", 200, "variance", 0.5, 0.1, 3),
    NO_STRUCTURE("no-structure", 200, null, 0, 0, 0),
    SPIRALS("spirals", 200, "noise", 0.2, 0, 1),
    XOR("xor", 200, "noise", 0.1, 0, 1);

    final String id;
    final int defaultSize;
    /** What the shape parameter means, or null when the set has none. */
    final String parameter;
    final double defaultNoise;
    final double minNoise;
    final double maxNoise;

    DataSets(String id, int defaultSize, String parameter, double defaultNoise, double minNoise, double maxNoise) {
        this.id = id;
        this.defaultSize = defaultSize;
        this.parameter = parameter;
        this.defaultNoise = defaultNoise;
        this.minNoise = minNoise;
        this.maxNoise = maxNoise;
    }

    /** The flower's size is fixed (the course's 2 x 200 points); the others take any size. */
    boolean sizeFixed() {
        return this == FLOWER;
    }

    /** The CLI's data seed when --data-seed is not given: the blobs' random_state=5, else 1. */
    long defaultSeed() {
        return this == BLOBS ? Blobs.COURSE_SEED : 1;
    }

    static DataSets parse(String id) {
        for (DataSets d : values()) {
            if (d.id.equals(id)) {
                return d;
            }
        }
        throw ApiException.badRequest("settings: unknown data set '" + id + "'; valid: " + ids());
    }

    static List<String> ids() {
        return java.util.Arrays.stream(values()).map(d -> d.id).toList();
    }

    /** The examples: X is {@code 2 x size}, Y is {@code 1 x size}. */
    Dataset generate(int size, double noise, long seed) {
        return switch (this) {
            case FLOWER -> PlanarData.flower(seed);
            case CIRCLES -> Circles.make(size, 0.5, noise, seed);
            case MOONS -> Moons.make(size, noise, seed);
            case BLOBS -> Blobs.make(size, 6, noise, seed);
            case QUANTILES -> GaussianQuantiles.make(size, noise, seed);
            case NO_STRUCTURE -> NoStructure.make(size, seed);
            case SPIRALS -> Spirals.make(size, noise, seed);
            case XOR -> Xor.make(size, noise, seed);
        };
    }
}
