"""Golden values for SoftmaxGoldenTest: a K-class network trained the course's way (notebook 5's
L_layer_model, full-batch gradient descent) with a softmax output and categorical cross-entropy, in
plain numpy, on seeded 2-D data with K classes: spirals with K arms (cs231n's generator) and blobs.

Run from this folder:  python3 softmax_golden.py > softmax_golden.csv
Initial weights as Trainer.fit draws them: np.random.seed(seed), then W[l] = randn(n[l], n[l-1]) /
sqrt(n[l-1]) layer by layer, b[l] = 0.
Softmax:   A = exp(Z - max_k Z) / sum_k exp(Z - max_k Z), column by column
Cost:      J = -1/m * sum(Y_onehot * log(A))
Backward:  dZ[L] = A[L] - Y_onehot, then the hidden layers as the course.
Lines: x,<case>,<row>,<col>,<value>   y,<case>,<col>,<label>   cost,<case>,<iteration>,<J>
       param,<case>,<name>,<row>,<col>,<value>
where <case> is <data>:<layer sizes joined by "-">:<hidden>.
"""
import numpy as np

# (data, K, m, layers, hidden, iterations, learning rate, seed)
CASES = [
    ("spirals", 3, 150, [2, 16, 3], "relu", 1500, 0.5, 1),
    ("spirals", 4, 120, [2, 12, 8, 4], "relu", 600, 0.3, 2),
    ("blobs", 5, 100, [2, 10, 5], "relu", 800, 0.1, 3),
]


def spirals(K, m, seed):
    rng = np.random.RandomState(seed)
    n = m // K
    X = np.zeros((2, n * K))
    y = np.zeros(n * K, dtype=int)
    for k in range(K):
        r = np.linspace(0.0, 1.0, n)
        t = np.linspace(k * 4.0, (k + 1) * 4.0, n) + rng.randn(n) * 0.2
        X[0, k * n:(k + 1) * n] = r * np.sin(t)
        X[1, k * n:(k + 1) * n] = r * np.cos(t)
        y[k * n:(k + 1) * n] = k
    return X, y


def blobs(K, m, seed):
    rng = np.random.RandomState(seed)
    centres = rng.uniform(-5, 5, size=(K, 2))
    y = rng.randint(0, K, size=m)
    X = (centres[y] + rng.randn(m, 2)).T.copy()
    return X, y


def initialize(layers, seed):
    np.random.seed(seed)
    p = {}
    for l in range(1, len(layers)):
        p["W" + str(l)] = np.random.randn(layers[l], layers[l - 1]) / np.sqrt(layers[l - 1])
        p["b" + str(l)] = np.zeros((layers[l], 1))
    return p


def softmax(Z):
    e = np.exp(Z - Z.max(axis=0, keepdims=True))
    return e / e.sum(axis=0, keepdims=True)


def train(X, Y, p, layers, hidden, iterations, learning_rate):
    L = len(layers) - 1
    m = X.shape[1]
    costs = []
    for i in range(iterations):
        A = {0: X}
        Z = {}
        for l in range(1, L + 1):
            Z[l] = np.dot(p["W" + str(l)], A[l - 1]) + p["b" + str(l)]
            if l == L:
                A[l] = softmax(Z[l])
            else:
                A[l] = np.maximum(0, Z[l]) if hidden == "relu" else np.tanh(Z[l])
        if i % 100 == 0:
            costs.append((i, float(-1 / m * np.sum(Y * np.log(A[L])))))
        grads = {}
        dZ = A[L] - Y
        for l in range(L, 0, -1):
            if l < L:
                dZ = np.array(dA, copy=True)
                if hidden == "relu":
                    dZ[Z[l] <= 0] = 0
                else:
                    dZ = dA * (1 - A[l] ** 2)
            grads["dW" + str(l)] = 1 / m * np.dot(dZ, A[l - 1].T)
            grads["db" + str(l)] = 1 / m * np.sum(dZ, axis=1, keepdims=True)
            dA = np.dot(p["W" + str(l)].T, dZ)
        for l in range(1, L + 1):
            p["W" + str(l)] = p["W" + str(l)] - learning_rate * grads["dW" + str(l)]
            p["b" + str(l)] = p["b" + str(l)] - learning_rate * grads["db" + str(l)]
    return p, costs


for name, K, m, layers, hidden, iterations, learning_rate, seed in CASES:
    case = "%s:%s:%s" % (name, "-".join(str(n) for n in layers), hidden)
    X, y = spirals(K, m, seed) if name == "spirals" else blobs(K, m, seed)
    Y = np.eye(K)[:, y]
    for (r, c), v in np.ndenumerate(X):
        print("x,%s,%d,%d,%r" % (case, r, c, float(v)))
    for c, label in enumerate(y):
        print("y,%s,%d,%d" % (case, c, label))
    p, costs = train(X, Y, initialize(layers, seed), layers, hidden, iterations, learning_rate)
    for i, cost in costs:
        print("cost,%s,%d,%r" % (case, i, cost))
    for pname, value in p.items():
        for (r, c), v in np.ndenumerate(value):
            print("param,%s,%s,%d,%d,%r" % (case, pname, r, c, float(v)))
    A = X
    for l in range(1, len(layers)):
        Zl = np.dot(p["W" + str(l)], A) + p["b" + str(l)]
        A = softmax(Zl) if l == len(layers) - 1 else (np.maximum(0, Zl) if hidden == "relu" else np.tanh(Zl))
    print("accuracy,%s,%r" % (case, float(np.mean(A.argmax(axis=0) == y))), flush=True)
