"""Writes numpy_sums.txt: np.sum results that MatrixOps.pairwiseSum and Matrix.rowSumsPairwise must equal
bit for bit (MatrixOpsTest).

Run from this folder:  python3 numpy_sums.py   (numpy 2.4).

The values are rebuilt in Java from the same uniform draws (bit-exact in NumpyRandom), so only the sums
are stored. For seed s and n values:
    np.random.seed(s); u = np.random.rand(n); v = np.random.rand(n)
    x = (u - 0.5) * np.exp2(np.floor(v * 40) - 20)       # magnitudes 2^-21 .. 2^19, so the order shows
Lines:
  sum <seed> <n> <hex of np.sum(x)> <hex of x summed left to right>
  rows <seed> <r> <c> <hex of each np.sum(x.reshape(r, c), axis=1)> ; x has r*c values
  cols <seed> <r> <c> <hex of each np.sum(x.reshape(r, c), axis=0)>
  all <seed> <r> <c> <hex of np.sum(x.reshape(r, c))>
"""
import numpy as np


def values(seed, n):
    np.random.seed(seed)
    u = np.random.rand(n)
    v = np.random.rand(n)
    return (u - 0.5) * np.exp2(np.floor(v * 40) - 20)


def h(x):
    return format(int(np.float64(x).view(np.uint64)), "016x")


lines = []
for seed, n in enumerate([0, 1, 2, 7, 8, 9, 15, 16, 17, 23, 127, 128, 129, 130, 136, 255, 256, 257, 1000, 4097, 12288]):
    x = values(seed, n)
    ordered = 0.0
    for t in x:
        ordered += t
    lines.append("sum %d %d %s %s" % (seed, n, h(np.sum(x)), h(ordered)))

for seed, r, c in [(100, 3, 209), (101, 20, 7), (102, 4, 400), (103, 1, 12288), (104, 7, 1)]:
    x = values(seed, r * c).reshape(r, c)
    lines.append("rows %d %d %d %s" % (seed, r, c, " ".join(h(s) for s in np.sum(x, axis=1))))
    lines.append("cols %d %d %d %s" % (seed, r, c, " ".join(h(s) for s in np.sum(x, axis=0))))
    lines.append("all %d %d %d %s" % (seed, r, c, h(np.sum(x))))

with open("numpy_sums.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
