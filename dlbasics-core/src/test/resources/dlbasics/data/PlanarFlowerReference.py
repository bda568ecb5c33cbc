"""Oracle for PlanarDataTest: the course's planar data, written as the course writes it.

Run from this folder with plain numpy (checked with numpy 2.4.6):
    python3 PlanarFlowerReference.py
It writes PlanarFlower.txt: one line per example j = 0..399, "x0 x1 y" where (x0, x1) is column j of X
and y is Y[0, j]. Floats are printed with repr(), which round-trips exactly (Double.parseDouble
reads back the same bits).
"""
import numpy as np


def load_planar_dataset():
    # planar_utils.load_planar_dataset from the course's notebook 3, unchanged
    np.random.seed(1)
    m = 400  # number of examples
    N = int(m / 2)  # number of points per class
    D = 2  # dimensionality
    X = np.zeros((m, D))  # data matrix where each row is a single example
    Y = np.zeros((m, 1), dtype='uint8')  # labels vector (0 for red, 1 for blue)
    a = 4  # maximum ray of the flower

    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2  # theta
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2  # radius
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j

    X = X.T
    Y = Y.T

    return X, Y


if __name__ == "__main__":
    X, Y = load_planar_dataset()
    assert X.shape == (2, 400) and Y.shape == (1, 400)
    with open("PlanarFlower.txt", "w") as f:
        f.write("# written by PlanarFlowerReference.py (numpy %s): x0 x1 y per example, repr floats\n"
                % np.__version__)
        for j in range(X.shape[1]):
            f.write("%r %r %d\n" % (float(X[0, j]), float(X[1, j]), int(Y[0, j])))
