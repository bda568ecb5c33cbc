"""Oracle for OneHiddenLayerStepsTest and OneHiddenLayerModelIT: the course's notebook 3 (planar data
classification with one hidden layer), its functions written as the course writes them, plain numpy.

Run from this folder (checked with numpy 2.4.6; numpy warns "overflow encountered in exp" and
"divide by zero encountered in log" in the nn_model check, as the course's notebook does):
    python3 OneHiddenLayerReference.py
It writes OneHiddenLayerReference.txt, lines "key v1 v2 ..." with repr floats (exact round trip):
  flower.cost.<i>        cost printed by nn_model(X, Y, 4, 10000) at iteration i (every 1000)
  flower.accuracy        accuracy in % of that model on the flower (the notebook prints "90%")
  flower.logreg.*        logistic regression (notebook 2's model) on the flower, see below
  sweep.<n_h>            accuracy in % of nn_model(X, Y, n_h, 5000) (the hidden-size sweep)
  testcase.X/Y           nn_model_test_case(): np.random.seed(1); X = randn(2, 3); Y = randn(1, 3) > 0
  testcase.<P>           nn_model(X_assess, Y_assess, 4, 10000) final parameters, row order
  testcase.cost.<i>      its costs as the course computes them
  rawcheck.*             the same with Y_assess = randn(1, 3) NOT thresholded (the testCases_v2 variant
                         whose check the notebook prints with W2 about -6000, "overflow encountered in exp"
                         and cost -inf): Y, final parameters, costs (-inf from iteration 1000 on)
  init.<P>               initialize_parameters(2, 4, 1) (seed 2)
  step0.<name>           one step on the flower from init: Z1 A1 Z2 A2 (first 5 columns), cost, grads
"""
import numpy as np

import sys
sys.dont_write_bytecode = True
sys.path.insert(0, "../data")
from PlanarFlowerReference import load_planar_dataset  # noqa: E402


def sigmoid(x):
    s = 1 / (1 + np.exp(-x))
    return s


def layer_sizes(X, Y):
    n_x = X.shape[0]  # size of input layer
    n_h = 4
    n_y = Y.shape[0]  # size of output layer
    return (n_x, n_h, n_y)


def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def compute_cost(A2, Y, parameters):
    m = Y.shape[1]  # number of example
    logprobs = np.multiply(np.log(A2), Y) + np.multiply(np.log(1 - A2), 1 - Y)
    cost = - np.sum(logprobs) / m
    cost = float(np.squeeze(cost))
    return cost


def backward_propagation(parameters, cache, X, Y):
    m = X.shape[1]
    W1 = parameters["W1"]
    W2 = parameters["W2"]
    A1 = cache["A1"]
    A2 = cache["A2"]
    dZ2 = A2 - Y
    dW2 = (1 / m) * np.dot(dZ2, A1.T)
    db2 = (1 / m) * np.sum(dZ2, axis=1, keepdims=True)
    dZ1 = np.multiply(np.dot(W2.T, dZ2), 1 - np.power(A1, 2))
    dW1 = (1 / m) * np.dot(dZ1, X.T)
    db1 = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    grads = {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}
    return grads


def update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    dW1 = grads["dW1"]
    db1 = grads["db1"]
    dW2 = grads["dW2"]
    db2 = grads["db2"]
    W1 = W1 - learning_rate * dW1
    b1 = b1 - learning_rate * db1
    W2 = W2 - learning_rate * dW2
    b2 = b2 - learning_rate * db2
    parameters = {"W1": W1, "b1": b1, "W2": W2, "b2": b2}
    return parameters


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False, costs=None):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = initialize_parameters(n_x, n_h, n_y)
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = update_parameters(parameters, grads)
        if i % 1000 == 0:
            if costs is not None:
                costs.append((i, cost))
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    return parameters


def predict(parameters, X):
    A2, cache = forward_propagation(X, parameters)
    predictions = (A2 > 0.5)
    return predictions


def accuracy(parameters, X, Y):
    # the notebook's expression
    predictions = predict(parameters, X)
    return float(np.squeeze((np.dot(Y, predictions.T) + np.dot(1 - Y, 1 - predictions.T)) / float(Y.size) * 100))


def nn_model_test_case():
    # testCases_v2.nn_model_test_case
    np.random.seed(1)
    X_assess = np.random.randn(2, 3)
    Y_assess = (np.random.randn(1, 3) > 0)
    return X_assess, Y_assess


# ---- notebook 2's logistic regression, for "logistic regression on the flower"
def lr_propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    return {"dw": dw, "db": db}, np.squeeze(cost)


def lr_model(X, Y, num_iterations, learning_rate):
    w, b = np.zeros((X.shape[0], 1)), 0.0
    for i in range(num_iterations):
        grads, cost = lr_propagate(w, b, X, Y)
        w = w - learning_rate * grads["dw"]
        b = b - learning_rate * grads["db"]
    A = sigmoid(np.dot(w.T, X) + b)
    Y_prediction = (A > 0.5).astype(float)
    return w, b, 100 - np.mean(np.abs(Y_prediction - Y)) * 100


def line(f, key, values):
    values = np.asarray(values, dtype=float).ravel()
    f.write(key + " " + " ".join(repr(float(v)) for v in values) + "\n")


if __name__ == "__main__":
    X, Y = load_planar_dataset()
    Y = Y.astype(float)
    with open("OneHiddenLayerReference.txt", "w") as f:
        f.write("# written by OneHiddenLayerReference.py (numpy %s)\n" % np.__version__)
        costs = []
        parameters = nn_model(X, Y, 4, num_iterations=10000, costs=costs)
        for i, c in costs:
            line(f, "flower.cost.%d" % i, [c])
        line(f, "flower.accuracy", [accuracy(parameters, X, Y)])

        for n_h in [1, 2, 3, 4, 5, 20, 50]:
            p = nn_model(X, Y, n_h, num_iterations=5000)
            line(f, "sweep.%d" % n_h, [accuracy(p, X, Y)])

        # logistic regression with notebook 2's functions: 10000 iterations, learning rate 1.2
        w, b, acc = lr_model(X, Y, 10000, 1.2)
        line(f, "flower.logreg.w", w)
        line(f, "flower.logreg.b", [b])
        line(f, "flower.logreg.accuracy", [acc])

        X_assess, Y_assess = nn_model_test_case()
        line(f, "testcase.X", X_assess)
        line(f, "testcase.Y", Y_assess)
        tc_costs = []
        p = nn_model(X_assess, Y_assess, 4, num_iterations=10000, costs=tc_costs)
        for k in ["W1", "b1", "W2", "b2"]:
            line(f, "testcase." + k, p[k])
        for i, c in tc_costs:
            line(f, "testcase.cost.%d" % i, [c])

        np.random.seed(1)
        X_raw = np.random.randn(2, 3)
        Y_raw = np.random.randn(1, 3)
        line(f, "rawcheck.Y", Y_raw)
        raw_costs = []
        p = nn_model(X_raw, Y_raw, 4, num_iterations=10000, costs=raw_costs)
        for k in ["W1", "b1", "W2", "b2"]:
            line(f, "rawcheck." + k, p[k])
        for i, c in raw_costs:
            line(f, "rawcheck.cost.%d" % i, [c])

        p = initialize_parameters(2, 4, 1)
        for k in ["W1", "b1", "W2", "b2"]:
            line(f, "init." + k, p[k])
        A2, cache = forward_propagation(X, p)
        for k in ["Z1", "A1", "Z2", "A2"]:
            line(f, "step0." + k, cache[k][:, :5])
        line(f, "step0.cost", [compute_cost(A2, Y, p)])
        grads = backward_propagation(p, cache, X, Y)
        for k in ["dW1", "db1", "dW2", "db2"]:
            line(f, "step0." + k, grads[k])
        p = update_parameters(p, grads)
        for k in ["W1", "b1", "W2", "b2"]:
            line(f, "step1." + k, p[k])
