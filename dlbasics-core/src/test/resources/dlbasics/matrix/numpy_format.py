"""Writes numpy_format.txt: how numpy prints 2-D float64 arrays with the default print options.

Run from this folder:  python3 numpy_format.py   (numpy 2.4, default np.set_printoptions).
NumpyFormatTest reads each case and checks that NumpyFormat.format prints the same string.

Format: a case is
  case <name> <rows> <cols>
  <rows*cols float64 bit patterns in C order, 16 hex digits each, space separated; empty line if none>
  lines <n>
  <the n lines of str(array)>
"""
import numpy as np

cases = []


def add(name, a):
    a = np.asarray(a, dtype=np.float64)
    assert a.ndim == 2
    cases.append((name, a))


nan, inf = np.nan, np.inf

# The course's first weights: np.random.seed(1); W1 = np.random.randn(2, 3) * 0.01 (step-by-step notebook)
np.random.seed(1)
add("course_W1_seed1", np.random.randn(2, 3) * 0.01)
add("course_two_values", np.array([[0.01624345, -0.00611756]]))
add("integers", [[1, 2, 3]])
add("sigmoid_of_1_2_3", 1 / (1 + np.exp(-np.array([[1.0, 2.0, 3.0]]))))
add("normalize_rows", np.array([[0, 3, 4], [1, 6, 4]]) / np.linalg.norm([[0, 3, 4], [1, 6, 4]], axis=1, keepdims=True))
add("ragged_fractions", [[1.5, 2.25, 3.125], [-4.0, 10.0, 0.0625]])
add("zeros", np.zeros((2, 3)))
add("negative_zero", [[-0.0, 1.0], [0.0, 2.5]])
add("only_negative_zero", [[-0.0]])
add("one_by_one", [[3.14159]])
add("round_to_8", [[0.123456789, 1 / 3, 2 / 3, 0.999999999]])
add("ties_half_even", [[2.0 ** -9, 3 * 2.0 ** -10, 0.5]])
add("rounds_to_ones", [[0.999999999, 0.1]])
add("large_positional", [[12345678.9, 1.0e7, 99999999.0]])
add("sci_small_and_one", [[1e-5, 1.0]])
add("sci_mixed_mantissas", [[1.5e-5, 1.0, -2.25]])
add("sci_large", [[1e8, 1.0]])
add("sci_ratio", [[0.001, 2.0]])
add("sci_three_digit_exponent", [[1e-300, 1e300, -5e-324]])
add("sci_with_zero", [[0.0, 1e-7, -3.0]])
add("sci_rounding_up", [[9.9999999999e-5, 1.0]])
add("sci_non_shortest_in_jdk17", [[2e23, 7e22, 4.9473701e19]])
add("nan_inf", [[nan, 1.0, -inf], [inf, -0.5, 2.0]])
add("only_nan", [[nan, nan]])
add("only_inf", [[inf, -inf]])
add("sci_with_nan", [[nan, 1e-6, 1.0]])
add("positional_nan_small", [[nan, 0.5]])
np.random.seed(2)
add("randn_5x5", np.random.randn(5, 5))
add("randn_4x30_wraps", np.random.randn(4, 30))
add("rand_1x100_wraps", np.random.rand(1, 100))
add("randn_scaled_3x12", np.random.randn(3, 12) * 1e-3)
add("summary_50x50", np.random.randn(50, 50))
add("summary_1x2000", np.random.rand(1, 2000))
add("summary_2000x1", np.random.rand(2000, 1))
add("summary_40x40_sci", np.random.randn(40, 40) * np.logspace(-6, 2, 40))
add("no_summary_1000", np.arange(1000.0).reshape(10, 100))
add("summary_1001", np.arange(1001.0).reshape(7, 143))
add("summary_rows_only", np.arange(1200.0).reshape(400, 3))
add("empty_0x3", np.zeros((0, 3)))
add("empty_3x0", np.zeros((3, 0)))
add("long_ints", np.arange(24.0).reshape(2, 12) * 1234567.0)

# Fuzz: small arrays mixing magnitudes, exact binary fractions, zeros, -0., nan and inf.
rng = np.random.RandomState(123)
for i in range(80):
    r, c = rng.randint(1, 5), rng.randint(1, 9)
    scale = 10.0 ** rng.uniform(-12, 12, size=(r, c)) if i % 2 else 10.0 ** rng.randint(-5, 9)
    a = rng.randn(r, c) * scale
    kind = i % 8
    if kind == 1:
        a = np.round(a, rng.randint(0, 6))
    elif kind == 3:
        a = rng.randint(-64, 64, size=(r, c)) / 2.0 ** rng.randint(0, 12)
    elif kind == 5:
        a.flat[rng.randint(a.size)] = [0.0, -0.0, nan, inf, -inf][rng.randint(5)]
    add("fuzz_%d" % i, a)

with open("numpy_format.txt", "w") as f:
    for name, a in cases:
        text = str(a)
        lines = text.split("\n")
        f.write("case %s %d %d\n" % (name, a.shape[0], a.shape[1]))
        f.write(" ".join(format(int(v), "016x") for v in a.reshape(-1).view(np.uint64)) + "\n")
        f.write("lines %d\n" % len(lines))
        f.write(text + "\n")
