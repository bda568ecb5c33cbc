"""Writes numpy_basics.txt: the outputs of the course's first notebook ("Python Basics with Numpy"),
computed with the notebook's own numpy code, for NumpyBasicsTest.

Run from this folder:  python3 numpy_basics.py   (numpy 2.4).

Format of each case (the same as ../matrix/numpy_format.txt):
  case <name> <rows> <cols>
  <rows*cols float64 bit patterns in C order, 16 hex digits each>
  lines <n>
  <the n lines numpy prints for the result, print(result)>
The 1-D inputs of the notebook are kept 2-D here (one row), so the printed lines have two brackets.
"""
import math

import numpy as np


def basic_sigmoid(x):
    return 1 / (1 + math.exp(-x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    s = sigmoid(x)
    return s * (1 - s)


def image2vector(image):
    return image.reshape(image.shape[0] * image.shape[1] * image.shape[2], 1)


def normalize_rows(x):
    x_norm = np.linalg.norm(x, ord=2, axis=1, keepdims=True)
    return x / x_norm


def softmax(x):
    # the notebook's version, without subtracting the row maximum
    x_exp = np.exp(x)
    x_sum = np.sum(x_exp, axis=1, keepdims=True)
    return x_exp / x_sum


def L1(yhat, y):
    return np.sum(np.abs(y - yhat))


def L2(yhat, y):
    return np.sum(np.dot(y - yhat, y - yhat))


# The notebook's 3x3x2 image
image = np.array([[[0.67826139, 0.29380381],
                   [0.90714982, 0.52835647],
                   [0.4215251, 0.45017551]],
                  [[0.92814219, 0.96677647],
                   [0.85304703, 0.52351845],
                   [0.19981397, 0.27417313]],
                  [[0.60659855, 0.00533165],
                   [0.10820313, 0.49978937],
                   [0.34144279, 0.94630077]]])
x123 = np.array([[1.0, 2.0, 3.0]])
yhat = np.array([.9, 0.2, 0.1, .4, .9])
y = np.array([1, 0, 0, 1, 1])

cases = [
    ("basic_sigmoid_3", np.array([[basic_sigmoid(3)]])),
    ("sigmoid_1_2_3", sigmoid(x123)),
    ("sigmoid_derivative_1_2_3", sigmoid_derivative(x123)),
    ("image", image.reshape(9, 2)),  # the input, for the test to read: rows are (length, height), columns depth
    ("image2vector", image2vector(image)),
    ("normalize_rows", normalize_rows(np.array([[0.0, 3.0, 4.0], [1.0, 6.0, 4.0]]))),
    ("softmax", softmax(np.array([[9.0, 2.0, 5.0, 0.0, 0.0], [7.0, 5.0, 0.0, 0.0, 0.0]]))),
    ("L1", np.array([[L1(yhat, y)]])),
    ("L2", np.array([[L2(yhat, y)]])),
]

with open("numpy_basics.txt", "w") as f:
    for name, a in cases:
        a = np.asarray(a, dtype=np.float64)
        text = str(a)
        f.write("case %s %d %d\n" % (name, a.shape[0], a.shape[1]))
        f.write(" ".join(format(int(v), "016x") for v in a.reshape(-1).view(np.uint64)) + "\n")
        f.write("lines %d\n" % len(text.split("\n")))
        f.write(text + "\n")
