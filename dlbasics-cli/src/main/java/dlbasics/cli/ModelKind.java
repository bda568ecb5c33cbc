package dlbasics.cli;

import java.util.Locale;

/** The three model families of the course. */
enum ModelKind {
    /** Logistic regression: one sigmoid unit, zero initial weights (the second notebook). */
    LOGISTIC,
    /** One hidden layer (the planar notebook, and the two-layer cat model). */
    SHALLOW,
    /** L layers, [20, 7, 5] by default (the deep-network notebooks). */
    DEEP;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
