"""Writes numpy_losses.txt: the course's own cost checks and numpy's sigmoid, for BinaryCrossEntropyTest and
ActivationTest.

Run from this folder:  python3 numpy_losses.py   (numpy 2.4). numpy warns about overflow in exp for
the extreme inputs; that is the point (the course's formulas overflow there, ours must not).

Lines:  <name> <hex bits of one float64 or of several, space separated>
"""
import numpy as np

lines = []


def put(name, values):
    a = np.atleast_1d(np.asarray(values, dtype=np.float64)).reshape(-1)
    lines.append(name + " " + " ".join(format(int(v), "016x") for v in a.view(np.uint64)))


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def compute_cost(AL, Y):
    # the step-by-step notebook's compute_cost
    m = Y.shape[1]
    cost = (-1 / m) * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL)))
    return np.squeeze(cost)


# Step by step, compute_cost_test_case: Y = [[1, 1, 0]], AL = [[.8, .9, 0.4]] -> cost = 0.2797765635793422
Y = np.array([[1, 1, 0]])
AL = np.array([[.8, .9, 0.4]])
put("compute_cost_step_by_step", compute_cost(AL, Y))

# Logistic regression, propagate(w, b, X, Y): w = [[1.], [2.]], b = 2., X = [[1., 2., -1.], [3., 4., -3.2]],
# Y = [[1, 0, 1]] -> cost = 5.801545319394553
w = np.array([[1.], [2.]])
b = 2.
X = np.array([[1., 2., -1.], [3., 4., -3.2]])
Y = np.array([[1, 0, 1]])
A = sigmoid(np.dot(w.T, X) + b)
put("propagate_A", A)
put("propagate_cost", -1 / X.shape[1] * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A)))

# numpy's sigmoid over a range, extremes included
z = np.array([-1e300, -800.0, -745.0, -709.0, -40.0, -1.0, -1e-10, 0.0, 1e-10, 0.5, 1.0, 2.0, 3.0, 36.0, 40.0, 800.0, 1e300])
with np.errstate(over="ignore"):
    put("sigmoid_z", z)
    put("sigmoid", sigmoid(z))

with open("numpy_losses.txt", "w") as f:
    f.write("\n".join(lines) + "\n")
