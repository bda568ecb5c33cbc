"""Golden values for TrainerGoldenTest: the course's L-layer model (notebook 5, L_layer_model with
initialize_parameters_deep dividing by sqrt(n[l-1]), L_model_forward, compute_cost, L_model_backward
with dAL = -(Y/AL - (1-Y)/(1-AL)), update_parameters) in plain numpy, on small seeded data, for
networks that take every path of the trainer: narrow ([5, 8, 4, 1], the flower's [2, 4, 1]), wider
than 8 ([2, 12, 1], [5, 20, 7, 1]) and a cat-like wide input ([3000, 20, 7, 5, 1], where Gemm packs X).

Run from this folder:  python3 trainer_golden.py > trainer_golden.csv
Data (GeneratedData.java): np.random.seed(seed); X = np.random.randn(n0, m); Y = 1 where
x0 + x1*x2 > 0 (n0 >= 3) or x0*x1 > 0 (n0 = 2).
Then np.random.seed(seed) again before the initial weights (as Trainer.fit does with its seed).
Lines: cost,<case>,<seed>,<hidden>,<iteration>,<J>  and  param,<case>,<seed>,<hidden>,<name>,<row>,<col>,<value>
where <case> is the layer sizes joined by "-", e.g. 5-8-4-1. A parameter of more than SAMPLE_ABOVE
entries is sampled: only the entries whose C-order index is a multiple of SAMPLE_EVERY are printed.
"""
import numpy as np

# (layers, examples, iterations, learning rate, seeds, hidden activations)
CASES = [
    ([5, 8, 4, 1], 60, 2500, 0.05, (1, 2), ("relu", "tanh")),
    ([2, 4, 1], 60, 2500, 0.5, (2,), ("tanh",)),
    ([2, 12, 1], 60, 2500, 0.05, (1,), ("relu", "tanh")),
    ([5, 20, 7, 1], 60, 2500, 0.05, (1,), ("relu", "tanh")),
    ([3000, 20, 7, 5, 1], 16, 300, 0.0075, (1,), ("relu",)),
]


SAMPLE_ABOVE = 1000
SAMPLE_EVERY = 97


def data(seed, n0, m):
    np.random.seed(seed)
    X = np.random.randn(n0, m)
    label = X[0] * X[1] > 0 if n0 == 2 else X[0] + X[1] * X[2] > 0
    Y = label.astype(float).reshape(1, m)
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


def l_layer_model(X, Y, parameters, hidden, layers, iterations, learning_rate):
    L = len(layers) - 1
    m = X.shape[1]
    costs = []
    for i in range(iterations):
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
            parameters["W" + str(l)] = parameters["W" + str(l)] - learning_rate * grads["dW" + str(l)]
            parameters["b" + str(l)] = parameters["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return parameters, costs


for layers, m, iterations, learning_rate, seeds, hiddens in CASES:
    case = "-".join(str(n) for n in layers)
    for seed in seeds:
        for hidden in hiddens:
            X, Y = data(seed, layers[0], m)
            parameters, costs = l_layer_model(X, Y, initialize_parameters_deep(layers, seed), hidden, layers,
                                              iterations, learning_rate)
            for i, cost in costs:
                print("cost,%s,%d,%s,%d,%r" % (case, seed, hidden, i, cost))
            for name, value in parameters.items():
                for (r, c), v in np.ndenumerate(value):
                    if value.size > SAMPLE_ABOVE and (r * value.shape[1] + c) % SAMPLE_EVERY != 0:
                        continue
                    print("param,%s,%d,%s,%s,%d,%d,%r" % (case, seed, hidden, name, r, c, float(v)))
