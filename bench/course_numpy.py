"""The course's own code in plain numpy, as the notebooks write it: the baseline of bench/compare.py.

Five workloads, each a function from the course with its defaults (the notebooks' helper functions are
copied in the notebooks' style: caches, dictionaries of parameters, cost computed every iteration):

  llayer    L_layer_model, layers_dims = [12288, 20, 7, 5, 1], learning_rate 0.0075, 2500 iterations
  twolayer  two_layer_model, (12288, 7, 1), learning_rate 0.0075, 2500 iterations
  logreg    model (logistic regression), 2000 iterations, learning_rate 0.005
  flower    nn_model on the planar data, n_h = 4, 10000 iterations, learning_rate 1.2
  fashion   issue 17's recipe with the second course's optimization notebook's model(): Fashion-MNIST
            (Debian's /usr/share/datasets/fashion-mnist, X / 255., examples in columns), layers
            [784, 256, 128, 10] ReLU + softmax, He init (np.random.seed(1)), Adam (learning rate 0.001,
            0.9, 0.999, 1e-8, bias-corrected, t counting mini-batches), random_mini_batches of 64
            reshuffled every epoch (seed 10 + epoch, as the notebook), 10 epochs; prints the test accuracy

Usage (timings cover the training call only, as on the Java side):
  python3 course_numpy.py train WORKLOAD DATA_DIR [iterations]   DATA_DIR holds train_x.npy, train_y.npy
                                                                  (fashion: unused; iterations are epochs)
  python3 course_numpy.py gemm [seconds]                          np.dot at the course's shapes (big and small)
Threads: OPENBLAS_NUM_THREADS (set by compare.py before numpy starts).
"""
import sys
import time

import numpy as np


# ----------------------------------------------------------------------------- activations
def sigmoid(Z):
    A = 1 / (1 + np.exp(-Z))
    cache = Z
    return A, cache


def relu(Z):
    A = np.maximum(0, Z)
    cache = Z
    return A, cache


def relu_backward(dA, cache):
    Z = cache
    dZ = np.array(dA, copy=True)
    dZ[Z <= 0] = 0
    return dZ


def sigmoid_backward(dA, cache):
    Z = cache
    s = 1 / (1 + np.exp(-Z))
    dZ = dA * s * (1 - s)
    return dZ


# ----------------------------------------------------------------------------- deep network (step by step)
def initialize_parameters(n_x, n_h, n_y):
    np.random.seed(1)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros((n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros((n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def initialize_parameters_deep(layer_dims):
    np.random.seed(1)
    parameters = {}
    L = len(layer_dims)
    for l in range(1, L):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


def linear_forward(A, W, b):
    Z = W.dot(A) + b
    cache = (A, W, b)
    return Z, cache


def linear_activation_forward(A_prev, W, b, activation):
    if activation == "sigmoid":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = sigmoid(Z)
    elif activation == "relu":
        Z, linear_cache = linear_forward(A_prev, W, b)
        A, activation_cache = relu(Z)
    cache = (linear_cache, activation_cache)
    return A, cache


def L_model_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A_prev = A
        A, cache = linear_activation_forward(A_prev, parameters['W' + str(l)], parameters['b' + str(l)], "relu")
        caches.append(cache)
    AL, cache = linear_activation_forward(A, parameters['W' + str(L)], parameters['b' + str(L)], "sigmoid")
    caches.append(cache)
    return AL, caches


def compute_cost(AL, Y):
    m = Y.shape[1]
    cost = (1. / m) * (-np.dot(Y, np.log(AL).T) - np.dot(1 - Y, np.log(1 - AL).T))
    cost = np.squeeze(cost)
    return cost


def linear_backward(dZ, cache):
    A_prev, W, b = cache
    m = A_prev.shape[1]
    dW = 1. / m * np.dot(dZ, A_prev.T)
    db = 1. / m * np.sum(dZ, axis=1, keepdims=True)
    dA_prev = np.dot(W.T, dZ)
    return dA_prev, dW, db


def linear_activation_backward(dA, cache, activation):
    linear_cache, activation_cache = cache
    if activation == "relu":
        dZ = relu_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    elif activation == "sigmoid":
        dZ = sigmoid_backward(dA, activation_cache)
        dA_prev, dW, db = linear_backward(dZ, linear_cache)
    return dA_prev, dW, db


def L_model_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    Y = Y.reshape(AL.shape)
    dAL = - (np.divide(Y, AL) - np.divide(1 - Y, 1 - AL))
    current_cache = caches[L - 1]
    grads["dA" + str(L - 1)], grads["dW" + str(L)], grads["db" + str(L)] = \
        linear_activation_backward(dAL, current_cache, "sigmoid")
    for l in reversed(range(L - 1)):
        current_cache = caches[l]
        dA_prev_temp, dW_temp, db_temp = linear_activation_backward(grads["dA" + str(l + 1)], current_cache, "relu")
        grads["dA" + str(l)] = dA_prev_temp
        grads["dW" + str(l + 1)] = dW_temp
        grads["db" + str(l + 1)] = db_temp
    return grads


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    for l in range(L):
        parameters["W" + str(l + 1)] = parameters["W" + str(l + 1)] - learning_rate * grads["dW" + str(l + 1)]
        parameters["b" + str(l + 1)] = parameters["b" + str(l + 1)] - learning_rate * grads["db" + str(l + 1)]
    return parameters


def L_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    costs = []
    parameters = initialize_parameters_deep(layers_dims)
    for i in range(0, num_iterations):
        AL, caches = L_model_forward(X, parameters)
        cost = compute_cost(AL, Y)
        grads = L_model_backward(AL, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if print_cost and i % 100 == 0:
            print("Cost after iteration %i: %f" % (i, cost))
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


def two_layer_model(X, Y, layers_dims, learning_rate=0.0075, num_iterations=3000, print_cost=False):
    np.random.seed(1)
    grads = {}
    costs = []
    (n_x, n_h, n_y) = layers_dims
    parameters = initialize_parameters(n_x, n_h, n_y)
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    for i in range(0, num_iterations):
        A1, cache1 = linear_activation_forward(X, W1, b1, "relu")
        A2, cache2 = linear_activation_forward(A1, W2, b2, "sigmoid")
        cost = compute_cost(A2, Y)
        dA2 = - (np.divide(Y, A2) - np.divide(1 - Y, 1 - A2))
        dA1, dW2, db2 = linear_activation_backward(dA2, cache2, "sigmoid")
        dA0, dW1, db1 = linear_activation_backward(dA1, cache1, "relu")
        grads['dW1'] = dW1
        grads['db1'] = db1
        grads['dW2'] = dW2
        grads['db2'] = db2
        parameters = update_parameters(parameters, grads, learning_rate)
        W1 = parameters["W1"]
        b1 = parameters["b1"]
        W2 = parameters["W2"]
        b2 = parameters["b2"]
        if i % 100 == 0:
            costs.append(cost)
    return parameters, costs


def predict_deep(X, y, parameters):
    probas, caches = L_model_forward(X, parameters)
    p = (probas > 0.5).astype(float)
    return np.sum((p == y) / X.shape[1])


# ----------------------------------------------------------------------------- logistic regression
def lr_sigmoid(z):
    s = 1 / (1 + np.exp(-z))
    return s


def initialize_with_zeros(dim):
    w = np.zeros((dim, 1))
    b = 0.
    return w, b


def propagate(w, b, X, Y):
    m = X.shape[1]
    A = lr_sigmoid(np.dot(w.T, X) + b)
    cost = -1 / m * np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))
    dw = 1 / m * np.dot(X, (A - Y).T)
    db = 1 / m * np.sum(A - Y)
    cost = np.squeeze(np.array(cost))
    grads = {"dw": dw, "db": db}
    return grads, cost


def optimize(w, b, X, Y, num_iterations=100, learning_rate=0.009, print_cost=False):
    costs = []
    for i in range(num_iterations):
        grads, cost = propagate(w, b, X, Y)
        dw = grads["dw"]
        db = grads["db"]
        w = w - learning_rate * dw
        b = b - learning_rate * db
        if i % 100 == 0:
            costs.append(cost)
    params = {"w": w, "b": b}
    grads = {"dw": dw, "db": db}
    return params, grads, costs


def lr_model(X_train, Y_train, num_iterations=2000, learning_rate=0.5, print_cost=False):
    w, b = initialize_with_zeros(X_train.shape[0])
    params, grads, costs = optimize(w, b, X_train, Y_train, num_iterations, learning_rate, print_cost)
    return params, costs


# ----------------------------------------------------------------------------- planar data, one hidden layer
def load_planar_dataset():
    np.random.seed(1)
    m = 400
    N = int(m / 2)
    D = 2
    X = np.zeros((m, D))
    Y = np.zeros((m, 1), dtype='uint8')
    a = 4
    for j in range(2):
        ix = range(N * j, N * (j + 1))
        t = np.linspace(j * 3.12, (j + 1) * 3.12, N) + np.random.randn(N) * 0.2
        r = a * np.sin(4 * t) + np.random.randn(N) * 0.2
        X[ix] = np.c_[r * np.sin(t), r * np.cos(t)]
        Y[ix] = j
    X = X.T
    Y = Y.T
    return X, Y


def layer_sizes(X, Y):
    n_x = X.shape[0]
    n_h = 4
    n_y = Y.shape[0]
    return (n_x, n_h, n_y)


def planar_initialize_parameters(n_x, n_h, n_y):
    np.random.seed(2)
    W1 = np.random.randn(n_h, n_x) * 0.01
    b1 = np.zeros(shape=(n_h, 1))
    W2 = np.random.randn(n_y, n_h) * 0.01
    b2 = np.zeros(shape=(n_y, 1))
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def forward_propagation(X, parameters):
    W1 = parameters["W1"]
    b1 = parameters["b1"]
    W2 = parameters["W2"]
    b2 = parameters["b2"]
    Z1 = np.dot(W1, X) + b1
    A1 = np.tanh(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = lr_sigmoid(Z2)
    cache = {"Z1": Z1, "A1": A1, "Z2": Z2, "A2": A2}
    return A2, cache


def planar_compute_cost(A2, Y, parameters):
    m = Y.shape[1]
    logprobs = np.multiply(np.log(A2), Y) + np.multiply((1 - Y), np.log(1 - A2))
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
    return {"dW1": dW1, "db1": db1, "dW2": dW2, "db2": db2}


def planar_update_parameters(parameters, grads, learning_rate=1.2):
    W1 = parameters["W1"] - learning_rate * grads["dW1"]
    b1 = parameters["b1"] - learning_rate * grads["db1"]
    W2 = parameters["W2"] - learning_rate * grads["dW2"]
    b2 = parameters["b2"] - learning_rate * grads["db2"]
    return {"W1": W1, "b1": b1, "W2": W2, "b2": b2}


def nn_model(X, Y, n_h, num_iterations=10000, print_cost=False):
    np.random.seed(3)
    n_x = layer_sizes(X, Y)[0]
    n_y = layer_sizes(X, Y)[2]
    parameters = planar_initialize_parameters(n_x, n_h, n_y)
    costs = []
    for i in range(0, num_iterations):
        A2, cache = forward_propagation(X, parameters)
        cost = planar_compute_cost(A2, Y, parameters)
        grads = backward_propagation(parameters, cache, X, Y)
        parameters = planar_update_parameters(parameters, grads)
        if i % 1000 == 0:
            costs.append(cost)
    return parameters, costs


# ----------------------------------------------------------------------------- many classes, mini-batch Adam
FASHION = "/usr/share/datasets/fashion-mnist"


def load_fashion_mnist(kind):
    import gzip
    with gzip.open("%s/%s-images-idx3-ubyte.gz" % (FASHION, kind), "rb") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16)
    with gzip.open("%s/%s-labels-idx1-ubyte.gz" % (FASHION, kind), "rb") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)
    m = labels.shape[0]
    X = images.reshape(m, -1).T / 255.
    Y = np.zeros((10, m))
    Y[labels, np.arange(m)] = 1.0
    return X, Y, labels


def initialize_parameters_he(layers_dims):
    np.random.seed(1)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters["W" + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
        parameters["b" + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def softmax(Z):
    E = np.exp(Z - np.max(Z, axis=0, keepdims=True))
    return E / np.sum(E, axis=0, keepdims=True), Z


def softmax_forward(X, parameters):
    caches = []
    A = X
    L = len(parameters) // 2
    for l in range(1, L):
        A, cache = linear_activation_forward(A, parameters["W%d" % l], parameters["b%d" % l], "relu")
        caches.append(cache)
    Z, linear_cache = linear_forward(A, parameters["W%d" % L], parameters["b%d" % L])
    AL, activation_cache = softmax(Z)
    caches.append((linear_cache, activation_cache))
    return AL, caches


def compute_cost_softmax(AL, Y):
    return -np.sum(Y * np.log(AL))   # summed over the mini-batch; model() divides by m


def softmax_backward(AL, Y, caches):
    grads = {}
    L = len(caches)
    dZ = AL - Y
    dA, grads["dW%d" % L], grads["db%d" % L] = linear_backward(dZ, caches[L - 1][0])
    for l in reversed(range(L - 1)):
        dA, grads["dW%d" % (l + 1)], grads["db%d" % (l + 1)] = linear_activation_backward(dA, caches[l], "relu")
    return grads


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((Y.shape[0], m))
    inc = mini_batch_size
    num_complete_minibatches = m // mini_batch_size
    for k in range(0, num_complete_minibatches):
        mini_batches.append((shuffled_X[:, k * inc:(k + 1) * inc], shuffled_Y[:, k * inc:(k + 1) * inc]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete_minibatches * inc:], shuffled_Y[:, num_complete_minibatches * inc:]))
    return mini_batches


def initialize_adam(parameters):
    L = len(parameters) // 2
    v, s = {}, {}
    for l in range(1, L + 1):
        for p in ("W", "b"):
            v["d%s%d" % (p, l)] = np.zeros(parameters["%s%d" % (p, l)].shape)
            s["d%s%d" % (p, l)] = np.zeros(parameters["%s%d" % (p, l)].shape)
    return v, s


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    for l in range(1, L + 1):
        for p in ("W", "b"):
            d = "d%s%d" % (p, l)
            v[d] = beta1 * v[d] + (1 - beta1) * grads[d]
            v_corrected = v[d] / (1 - beta1 ** t)
            s[d] = beta2 * s[d] + (1 - beta2) * np.power(grads[d], 2)
            s_corrected = s[d] / (1 - beta2 ** t)
            parameters["%s%d" % (p, l)] = parameters["%s%d" % (p, l)] - learning_rate * v_corrected / (np.sqrt(s_corrected) + epsilon)
    return parameters, v, s


def adam_model(X, Y, layers_dims, learning_rate=0.001, mini_batch_size=64, beta1=0.9, beta2=0.999, epsilon=1e-8,
               num_epochs=10):
    costs = []
    t = 0
    seed = 10
    m = X.shape[1]
    parameters = initialize_parameters_he(layers_dims)
    v, s = initialize_adam(parameters)
    for i in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            AL, caches = softmax_forward(minibatch_X, parameters)
            cost_total += compute_cost_softmax(AL, minibatch_Y)
            grads = softmax_backward(AL, minibatch_Y, caches)
            t = t + 1
            parameters, v, s = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate, beta1, beta2, epsilon)
        costs.append(cost_total / m)
    return parameters, costs


# ----------------------------------------------------------------------------- driver
def train(workload, data_dir, iterations):
    if workload not in ("llayer", "twolayer", "logreg", "flower", "fashion"):
        raise SystemExit("course_numpy.py train: unknown workload '%s'; use llayer, twolayer, logreg, flower or fashion"
                         % workload)
    if workload == "fashion":
        X, Y, _ = load_fashion_mnist("train")
        t0 = time.perf_counter()
        params, costs = adam_model(X, Y, [784, 256, 128, 10], num_epochs=iterations or 10)
        seconds = time.perf_counter() - t0
        X_test, _, labels = load_fashion_mnist("t10k")
        accuracy = np.mean(np.argmax(softmax_forward(X_test, params)[0], axis=0) == labels)
        print("train workload=fashion iterations=%d seconds=%.4f last_recorded_cost=%.6f test_accuracy=%.4f"
              % (iterations or 10, seconds, float(costs[-1]), accuracy))
        return
    if workload == "flower":
        X, Y = load_planar_dataset()
    else:
        X = np.load(data_dir + "/train_x.npy")
        Y = np.load(data_dir + "/train_y.npy")
    t0 = time.perf_counter()
    if workload == "llayer":
        params, costs = L_layer_model(X, Y, [12288, 20, 7, 5, 1], 0.0075, iterations or 2500)
    elif workload == "twolayer":
        params, costs = two_layer_model(X, Y, (12288, 7, 1), 0.0075, iterations or 2500)
    elif workload == "logreg":
        params, costs = lr_model(X, Y, iterations or 2000, 0.005)
    elif workload == "flower":
        params, costs = nn_model(X, Y, 4, iterations or 10000)
    seconds = time.perf_counter() - t0
    print("train workload=%s iterations=%d seconds=%.4f last_recorded_cost=%.6f"
          % (workload, iterations or {"llayer": 2500, "twolayer": 2500, "logreg": 2000, "flower": 10000}[workload],
             seconds, float(costs[-1])))


def gemm(seconds):
    np.random.seed(0)
    X = np.random.randn(12288, 209)
    W2, dZ2, A1 = np.random.randn(7, 20), np.random.randn(7, 209), np.random.randn(20, 209)
    # name (as dlbasics.bench.Workloads names it), left operand, product; the flops are 2·n·k·m
    shapes = [
        ("W1.X 20x12288.12288x209", np.random.randn(20, 12288), lambda A: np.dot(A, X)),
        ("dZ1.Xt 20x209.(12288x209)t", np.random.randn(20, 209), lambda A: np.dot(A, X.T)),
        ("W1.X 7x12288.12288x209", np.random.randn(7, 12288), lambda A: np.dot(A, X)),
        ("dZ1.Xt 7x209.(12288x209)t", np.random.randn(7, 209), lambda A: np.dot(A, X.T)),
        ("w.X 1x12288.12288x209", np.random.randn(1, 12288), lambda A: np.dot(A, X)),
        ("dZ.Xt 1x209.(12288x209)t", np.random.randn(1, 209), lambda A: np.dot(A, X.T)),
        ("W2t.dZ2 (7x20)t.7x209", W2, lambda A: np.dot(A.T, dZ2)),
        ("W2.A1 7x20.20x209", W2, lambda A: np.dot(A, A1)),
        ("dZ2.A1t 7x209.(20x209)t", dZ2, lambda A: np.dot(A, A1.T)),
    ]
    for name, A, f in shapes:
        C = f(A)
        k = A.shape[0] if name.startswith("W2t") else A.shape[1]
        flops = 2.0 * C.shape[0] * k * C.shape[1]
        end = time.perf_counter() + seconds / 3
        while time.perf_counter() < end:
            f(A)
        times = []
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or len(times) < 5:
            t0 = time.perf_counter()
            f(A)
            times.append(time.perf_counter() - t0)
        times.sort()
        median = times[len(times) // 2]
        print('gemm shape="%s" n=%d k=%d m=%d calls=%d median_ms=%.4f gflops=%.2f'
              % (name, C.shape[0], k, C.shape[1], len(times), median * 1e3, flops / median / 1e9))


if __name__ == "__main__":
    if len(sys.argv) < 2 or (sys.argv[1] == "train" and len(sys.argv) < 4):
        raise SystemExit(__doc__)
    if sys.argv[1] == "train":
        train(sys.argv[2], sys.argv[3], int(sys.argv[4]) if len(sys.argv) > 4 else 0)
    elif sys.argv[1] == "gemm":
        gemm(float(sys.argv[2]) if len(sys.argv) > 2 else 2.0)
    else:
        raise SystemExit(__doc__)
