"""Writes the README's small named-class examples (numpy only, seeded, PNGs by hand with zlib):

  species.csv   150 points of three species around three centres, label column "species" by name
  shapes/       one sub-folder per class (across, down, dots), 20 grey 16x16 PNGs each: class
                "across" lights the top half, "down" the left half, "dots" every other pixel, plus noise

    python3 docs/examples/make_named_data.py OUTDIR
"""
import os
import struct
import sys
import zlib

import numpy as np


def png(path, grey):
    """An 8-bit grey PNG of the 2-D uint8 array grey (no filter, one IDAT chunk)."""
    h, w = grey.shape
    raw = b"".join(b"\x00" + grey[r].tobytes() for r in range(h))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def main(out):
    rng = np.random.RandomState(1)
    names = ["virginica", "setosa", "versicolor"]
    centres = np.array([[3.0, 0.0], [-3.0, 0.0], [0.0, 3.0]])
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "species.csv"), "w") as f:
        f.write("petal_length,petal_width,species\n")
        for j in range(150):
            k = j % 3
            x = centres[k] + rng.randn(2) * 1.2
            f.write("%.4f,%.4f,%s\n" % (x[0], x[1], names[k]))
    side = 16
    yy, xx = np.mgrid[0:side, 0:side]
    masks = {"across": yy < side // 2, "down": xx < side // 2, "dots": (xx + yy) % 2 == 0}
    for name, mask in masks.items():
        folder = os.path.join(out, "shapes", name)
        os.makedirs(folder, exist_ok=True)
        for i in range(20):
            grey = np.where(mask, 150, 0) + rng.randint(0, 100, (side, side))
            png(os.path.join(folder, "%03d.png" % i), grey.astype(np.uint8))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "named-data")
