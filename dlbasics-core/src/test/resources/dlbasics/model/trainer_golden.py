"""Golden values for TrainerGoldenTest: the course's L-layer model (notebook 5, L_layer_model with
initialize_parameters_deep dividing by sqrt(n[l-1]), L_model_forward, compute_cost, L_model_backward
with dAL = -(Y/AL - (1-Y)/(1-AL)), update_parameters) in plain numpy, on small seeded data.

Run from this folder:  python3 trainer_golden.py > trainer_golden.csv
Data: np.random.seed(seed); X = np.random.randn(5, 60); Y = 1 where x0 + x1*x2 > 0.
Then np.random.seed(seed) again before the initial weights (as Trainer.fit does with its seed).
Lines: cost,<seed>,<hidden>,<iteration>,<J>   and   param,<seed>,<hidden>,<name>,<row>,<col>,<value>
"""
import numpy as np

LAYERS = [5, 8, 4, 1]
LEARNING_RATE = 0.05
ITERATIONS = 2500


def data(seed):
    np.random.seed(seed)
    X = np.random.randn(5, 60)
    Y = (X[0] + X[1] * X[2] > 0).astype(float).reshape(1, 60)
    return X, Y


def initialize_parameters_deep(layer_dims, seed):
    np.random.seed(seed)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters["W" + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def sigmoid(Z):
    return 1 / (1 + np.exp(-Z))


def hidden_forward(Z, hidden):
    return np.maximum(0, Z) if hidden == "relu" else np.tanh(Z)


def hidden_backward(dA, Z, A, hidden):
    if hidden == "relu":
        dZ = np.array(dA, copy=True)
        dZ[Z <= 0] = 0
        return dZ
    return dA * (1 - A ** 2)


def l_layer_model(X, Y, parameters, hidden):
    L = len(LAYERS) - 1
    m = X.shape[1]
    costs = []
    for i in range(ITERATIONS):
        A = {0: X}
        Z = {}
        for l in range(1, L + 1):
            Z[l] = np.dot(parameters["W" + str(l)], A[l - 1]) + parameters["b" + str(l)]
            A[l] = sigmoid(Z[l]) if l == L else hidden_forward(Z[l], hidden)
        AL = A[L]
        cost = float(np.squeeze(-1 / m * np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL))))
        if i % 100 == 0:
            costs.append((i, cost))
        dA = -(np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
        grads = {}
        for l in range(L, 0, -1):
            if l == L:
                s = sigmoid(Z[l])
                dZ = dA * s * (1 - s)
            else:
                dZ = hidden_backward(dA, Z[l], A[l], hidden)
            grads["dW" + str(l)] = 1 / m * np.dot(dZ, A[l - 1].T)
            grads["db" + str(l)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
            dA = np.dot(parameters["W" + str(l)].T, dZ)
        for l in range(1, L + 1):
            parameters["W" + str(l)] = parameters["W" + str(l)] - LEARNING_RATE * grads["dW" + str(l)]
            parameters["b" + str(l)] = parameters["b" + str(l)] - LEARNING_RATE * grads["db" + str(l)]
    return parameters, costs


for seed in (1, 2):
    for hidden in ("relu", "tanh"):
        X, Y = data(seed)
        parameters, costs = l_layer_model(X, Y, initialize_parameters_deep(LAYERS, seed), hidden)
        for i, cost in costs:
            print("cost,%d,%s,%d,%r" % (seed, hidden, i, cost))
        for name, value in parameters.items():
            for (r, c), v in np.ndenumerate(value):
                print("param,%d,%s,%s,%d,%d,%r" % (seed, hidden, name, r, c, float(v)))
