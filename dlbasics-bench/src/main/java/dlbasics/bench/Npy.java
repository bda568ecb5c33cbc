package dlbasics.bench;

import dlbasics.matrix.Matrix;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a matrix as a numpy {@code .npy} file (version 1.0, little-endian float64, C order). */
final class Npy {
    private Npy() {
    }

    static void write(Matrix x, Path file) throws IOException {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + x.rows() + ", " + x.cols() + "), }";
        int unpadded = 10 + dict.length() + 1;
        int padded = (unpadded + 63) / 64 * 64;
        StringBuilder header = new StringBuilder(dict);
        while (10 + header.length() + 1 < padded) {
            header.append(' ');
        }
        header.append('\n');
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + 8 * x.data().length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put((byte) 0x93).put("NUMPY".getBytes(StandardCharsets.US_ASCII)).put((byte) 1).put((byte) 0);
        buf.putShort((short) header.length());
        buf.put(header.toString().getBytes(StandardCharsets.US_ASCII));
        for (double v : x.data()) {
            buf.putDouble(v);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(buf.array());
        }
    }
}
