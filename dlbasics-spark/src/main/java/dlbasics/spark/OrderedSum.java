package dlbasics.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * A sum of one vector per partition whose bits do not depend on the order Spark merges partial sums:
 * the vectors are added along a fixed binary tree over the partition indices, whatever tasks finish
 * first. A node of level k covers partitions {@code [i·2^k, min((i+1)·2^k, P))}; it is formed only
 * when both children are complete (or the right child covers no partition), always as
 * {@code left + right}. A partial sum therefore holds at most one complete node per level, and
 * {@link #total()} is the root. Serializable because it travels in Spark's task results.
 */
final class OrderedSum implements Serializable {
    private static final long serialVersionUID = 1L;

    private final int partitions;
    private final int top;
    /** Complete nodes by key {@code level << 32 | index}. */
    private final TreeMap<Long, double[]> nodes = new TreeMap<>();

    /** An empty sum over {@code partitions} partitions (treeAggregate's zero). */
    OrderedSum(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("OrderedSum: " + partitions + " partitions; there must be at least one");
        }
        this.partitions = partitions;
        this.top = 32 - Integer.numberOfLeadingZeros(partitions - 1); // ceil(log2 P)
    }

    /** Adds partition {@code index}'s vector (owned by this sum from now on); returns this. */
    OrderedSum add(int index, double[] vector) {
        if (index < 0 || index >= partitions) {
            throw new IllegalStateException("OrderedSum.add: partition " + index + " outside 0.." + (partitions - 1));
        }
        insert(0, index, vector);
        return this;
    }

    /** Adds every complete node of {@code other} (same partition count) into this; returns this. */
    OrderedSum merge(OrderedSum other) {
        if (other.partitions != partitions) {
            throw new IllegalStateException("OrderedSum.merge: " + other.partitions + " partitions against " + partitions);
        }
        for (var e : other.nodes.entrySet()) {
            insert((int) (e.getKey() >>> 32), (int) (long) e.getKey(), e.getValue());
        }
        return this;
    }

    private void insert(int level, int index, double[] vector) {
        while (level < top) {
            int sibling = index ^ 1;
            long siblingStart = (long) sibling << level;
            double[] parent;
            if (siblingStart >= partitions) {
                parent = vector; // the right child covers no partition: the parent is the left child
            } else {
                double[] other = nodes.remove(key(level, sibling));
                if (other == null) {
                    if (nodes.putIfAbsent(key(level, index), vector) != null) {
                        throw new IllegalStateException("OrderedSum: partition range of node " + level + "/" + index + " added twice");
                    }
                    return;
                }
                double[] left = (index & 1) == 0 ? vector : other;
                double[] right = (index & 1) == 0 ? other : vector;
                parent = new double[left.length];
                for (int k = 0; k < parent.length; k++) {
                    parent[k] = left[k] + right[k];
                }
            }
            vector = parent;
            level++;
            index >>= 1;
        }
        if (nodes.putIfAbsent(key(level, index), vector) != null) {
            throw new IllegalStateException("OrderedSum: the root was completed twice (a partition counted twice)");
        }
    }

    private static long key(int level, int index) {
        return (long) level << 32 | index;
    }

    /** The sum of all partitions' vectors; every partition must have been added. */
    double[] total() {
        double[] root = nodes.get(key(top, 0));
        if (root == null || nodes.size() != 1) {
            throw new IllegalStateException("OrderedSum.total: " + nodes.size() + " incomplete nodes " + nodes.keySet()
                    + "; some of the " + partitions + " partitions were not added");
        }
        return root;
    }
}
