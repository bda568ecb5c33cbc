package dlbasics.spark;

import java.io.Serializable;

/**
 * One training example for {@link SparkTrainer#fit(dlbasics.model.Network, org.apache.spark.api.java.JavaRDD)}:
 * its features (n[0] values, one column of the course's X) and its label (0 or 1 for one output unit, a
 * class index 0..K-1 for K). Serializable because Spark ships RDD elements between machines; dlbasics
 * files never use Java serialization.
 */
public record Example(double[] features, double label) implements Serializable {
    /** Checks that there are features (their values are checked when training reads them). */
    public Example {
        if (features == null) {
            throw new IllegalArgumentException("Example: features are null; pass the n[0] input values of the example");
        }
    }
}
