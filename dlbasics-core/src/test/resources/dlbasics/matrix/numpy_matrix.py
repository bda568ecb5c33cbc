"""Writes numpy_matrix.txt: numpy oracles for Matrix's layout and broadcasting (MatrixTest).

Run from this folder:  python3 numpy_matrix.py   (numpy 2.4).

Format of each case (as numpy_format.txt, without the printed lines):
  case <name> <rows> <cols>
  <rows*cols float64 bit patterns in C order, 16 hex digits each>
Inputs are the cases whose names start with "in_".
"""
import numpy as np

np.random.seed(3)
X = np.random.randn(4, 2, 3, 2)          # m = 4 examples of 2 x 3 x 2 "images", C order
A = np.random.randn(3, 4)
b = np.random.randn(3, 1)
r = np.random.randn(1, 4)

cases = [
    ("in_tensor", X.reshape(1, -1)),     # the tensor's values in C order, as one row
    ("in_A", A), ("in_b", b), ("in_r", r),
    ("flatten_examples", X.reshape(X.shape[0], -1).T),   # the course's train_set_x_orig.reshape(m, -1).T
    ("reshape_2x6", A.reshape(2, 6)), ("reshape_12x1", A.reshape(12, 1)), ("reshape_6x2", A.reshape(6, 2)),
    ("A_plus_b", A + b), ("A_minus_b", A - b), ("A_times_b", A * b), ("A_divide_b", A / b),
    ("A_plus_r", A + r), ("A_minus_r", A - r), ("A_times_r", A * r), ("A_divide_r", A / r),
    ("row_sums", np.sum(A, axis=1, keepdims=True)), ("col_sums", np.sum(A, axis=0, keepdims=True)),
    ("transpose", A.T), ("exp", np.exp(A)), ("tanh", np.tanh(A)), ("abs", np.abs(A)),
    ("maximum_0", np.maximum(A, 0)), ("minimum_0", np.minimum(A, 0)), ("greater_0", (A > 0) * 1.0),
    ("square", A ** 2), ("one_minus", 1 - A), ("scaled", 0.01 * A), ("divided", A / 7.0),
]

with open("numpy_matrix.txt", "w") as f:
    for name, a in cases:
        a = np.ascontiguousarray(a, dtype=np.float64)
        f.write("case %s %d %d\n" % (name, a.shape[0], a.shape[1]))
        f.write(" ".join(format(int(v), "016x") for v in a.reshape(-1).view(np.uint64)) + "\n")
