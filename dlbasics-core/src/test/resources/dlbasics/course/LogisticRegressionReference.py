"""Oracle for LogisticRegressionStepsTest: the course's notebook 2 (logistic regression with a neural
network mindset), its functions written as the course writes them, run on the notebook's own test cases.

Run from this folder with plain numpy (checked with numpy 2.4.6):
    python3 LogisticRegressionReference.py
It writes LogisticRegressionReference.txt, lines "key v1 v2 ..." with repr floats (exact round trip):
  propagate.*   propagate(w, b, X, Y) on the notebook's test case: dw, db, cost
  optimize.*    optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009): w, b, dw, db, costs
  predict.*     predict(w, b, X) on the notebook's predict test case
  sigmoid.*     sigmoid(np.array([0, 2]))
The notebook prints these rounded (e.g. dw = [[0.99845601] [2.39507239]], cost = 5.80154531939).
Logistic regression on the flower is in OneHiddenLayerReference.py (flower.logreg.*).
"""
import numpy as np


def sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = sigmoid(np.dot(w.T, X) + b)  # compute activation
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))  # compute cost
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    cost = np.squeeze(cost)
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations, learning_rate, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
            if print_cost:
                print("Cost after iteration %i: %f" % (i, cost))
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def predict(w, b, X):
    m = X.shape[1]
    Y_prediction = np.zeros((1, m))
    w = w.reshape(X.shape[0], 1)
    A = sigmoid(np.dot(w.T, X) + b)
    for i in range(A.shape[1]):
        Y_prediction[0, i] = 1 if A[0, i] > 0.5 else 0
    return Y_prediction


def model(X_train, Y_train, X_test, Y_test, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    parameters, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    w = parameters["w"]
    b = parameters["b"]
    Y_prediction_test = predict(w, b, X_test)
    Y_prediction_train = predict(w, b, X_train)
    train_accuracy = 100 - np.mean(np.abs(Y_prediction_train - Y_train)) * 100
    test_accuracy = 100 - np.mean(np.abs(Y_prediction_test - Y_test)) * 100
    d = {"costs": costs, "Y_prediction_test": Y_prediction_test, "Y_prediction_train": Y_prediction_train,
         "w": w, "b": b, "learning_rate": learning_rate, "num_iterations": num_iterations,
         "train_accuracy": train_accuracy, "test_accuracy": test_accuracy}
    return d


def line(f, key, values):
    values = np.asarray(values, dtype=float).ravel()
    f.write(key + " " + " ".join(repr(float(v)) for v in values) + "\n")


if __name__ == "__main__":
    with open("LogisticRegressionReference.txt", "w") as f:
        f.write("# written by LogisticRegressionReference.py (numpy %s)\n" % np.__version__)
        line(f, "sigmoid.0_2", sigmoid(np.array([0, 2])))

        w, b, X, Y = np.array([[1.], [2.]]), 2., np.array([[1., 2., -1.], [3., 4., -3.2]]), np.array([[1, 0, 1]])
        grads, cost = propagate(w, b, X, Y)
        line(f, "propagate.dw", grads["dw"])
        line(f, "propagate.db", [grads["db"]])
        line(f, "propagate.cost", [cost])

        params, grads, costs = optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False)
        line(f, "optimize.w", params["w"])
        line(f, "optimize.b", [params["b"]])
        line(f, "optimize.dw", grads["dw"])
        line(f, "optimize.db", [grads["db"]])
        line(f, "optimize.costs", costs)

        w = np.array([[0.1124579], [0.23106775]])
        b = -0.3
        X = np.array([[1., -1.1, -3.2], [1.2, 2., 0.1]])
        line(f, "predict.w", w)
        line(f, "predict.X", X)
        line(f, "predict.prediction", predict(w, b, X))
