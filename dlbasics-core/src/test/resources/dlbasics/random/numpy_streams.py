"""Writes numpy_streams.txt: numpy's legacy RandomState streams that NumpyRandomTest replays.

Run from this folder:  python3 numpy_streams.py   (numpy 2.4; the legacy RandomState is frozen, so any
numpy >= 1.17 writes the same file).

Line format, one record per line, fields separated by single spaces:
  rand <seed> <hex bits of 2000 draws of np.random.rand(2000)>
  randn <seed> <hex bits of 2001 draws of np.random.randn(2001)>   (odd count: the last pair is half used)
  randint <seed> <low> <high> <count> <values...>
  permutation <seed> <n> <values...>
  shuffle <seed> <hex bits of the shuffled array np.arange(n) * 0.5>
  state <seed> <draws> <pos> <has_gauss> <hex cached_gaussian> <624 key words as unsigned decimal>
  after <seed> <draws> <hex bits of the next 6 randn draws after that state>
Hex bits are the float64 bit pattern as 16 lower-case hex digits (numpy's .view(np.uint64)).
"""
import numpy as np

SEEDS = [0, 1, 2, 3, 42, 4294967295]
N_RAND = 2000
N_RANDN = 2001


def hexbits(a):
    return " ".join(format(int(v), "016x") for v in np.asarray(a, dtype=np.float64).view(np.uint64))


lines = []
for seed in SEEDS:
    np.random.seed(seed)
    lines.append("rand %d %s" % (seed, hexbits(np.random.rand(N_RAND))))
    np.random.seed(seed)
    lines.append("randn %d %s" % (seed, hexbits(np.random.randn(N_RANDN))))

# The course's own checks (REFERENCE.md): randint(0, 10, 8) under seed 5, permutation(10) under seed 7.
# Large ranges: the full 32-bit range, a range just above 2^31, and 64-bit ranges (two words per draw).
for seed, low, high, count in [(5, 0, 10, 8), (0, 0, 2**32, 10), (1, -2**31, 2**31 + 12345, 10),
                               (2, 0, 2**40 + 7, 10), (3, -2**62, 2**62, 10), (42, 3, 4, 5),
                               (42, 0, 1000, 20)]:
    np.random.seed(seed)
    values = np.random.randint(low, high, count)
    lines.append("randint %d %d %d %d %s" % (seed, low, high, count, " ".join(str(int(v)) for v in values)))

for seed, n in [(7, 10), (1, 400), (3, 1), (3, 0), (42, 209)]:
    np.random.seed(seed)
    lines.append("permutation %d %d %s" % (seed, n, " ".join(str(int(v)) for v in np.random.permutation(n))))

np.random.seed(11)
arr = np.arange(50) * 0.5
np.random.shuffle(arr)
lines.append("shuffle 11 %s" % hexbits(arr))

# The state mid-stream: after an odd number of randn draws numpy keeps a gaussian; after an even one it
# keeps none (and reports 0.0).
for seed, draws in [(42, 5), (42, 6), (1, 700)]:
    np.random.seed(seed)
    np.random.randn(draws)
    name, key, pos, has_gauss, cached = np.random.get_state()
    lines.append("state %d %d %d %d %s %s" % (seed, draws, pos, has_gauss, format(int(np.float64(cached).view(np.uint64)), "016x"),
                                             " ".join(str(int(k)) for k in key)))
    lines.append("after %d %d %s" % (seed, draws, hexbits(np.random.randn(6))))

with open("numpy_streams.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
