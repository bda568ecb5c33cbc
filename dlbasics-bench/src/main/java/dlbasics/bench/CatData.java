package dlbasics.bench;

import dlbasics.data.Dataset;
import dlbasics.matrix.Matrix;
import io.jhdf.HdfFile;
import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.List;

/**
 * The course's cat / non-cat images for the benchmarks, read with jhdf: X is {@code 12288 x m}
 * (each 64x64x3 image flattened in C order, divided by 255), Y is {@code 1 x m}.
 * (dlbasics-io will own the real reader; the benchmarks only need the numbers.)
 */
final class CatData {
    private CatData() {
    }

    /** {@code train} or {@code test} from {@code <shared>/datasets/<split>_catvnoncat.h5}. */
    static Dataset load(Path shared, String split) {
        Path file = shared.resolve("datasets").resolve(split + "_catvnoncat.h5");
        try (HdfFile hdf = new HdfFile(file)) {
            io.jhdf.api.Dataset xs = hdf.getDatasetByPath(split + "_set_x");
            int[] dims = xs.getDimensions();
            int m = dims[0];
            int features = dims[1] * dims[2] * dims[3];
            Object flatX = xs.getDataFlat();
            Matrix X = Matrix.zeros(features, m);
            for (int e = 0; e < m; e++) {
                for (int f = 0; f < features; f++) {
                    X.set(f, e, unsigned(Array.get(flatX, e * features + f)) / 255.0);
                }
            }
            Object flatY = hdf.getDatasetByPath(split + "_set_y").getDataFlat();
            Matrix Y = Matrix.zeros(1, m);
            for (int e = 0; e < m; e++) {
                Y.set(0, e, unsigned(Array.get(flatY, e)));
            }
            return new Dataset(X, Y, List.of("non-cat", "cat"));
        }
    }

    private static double unsigned(Object v) {
        if (v instanceof Byte) {
            return Byte.toUnsignedInt((Byte) v);
        }
        return ((Number) v).doubleValue();
    }
}
