"""The second course's functions ("Improving deep neural networks"), in numpy, as the Java classes
InitializationSteps, RegularizationSteps, GradientCheckingSteps and OptimizationSteps compute them.

The notebooks write a fixed 3-layer network (init_utils, reg_utils, gc_utils, opt_utils); these are
the same formulas for L layers, [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, in the order the Java
code applies them: dZ[L] = A[L] - Y, dW = 1/m * dZ . A_prev^T (+ lambd * W / m), db = 1/m * sum(dZ),
dA_prev = W^T . dZ (then the dropout mask and 1/keep_prob), dZ = dA * (Z > 0). The cost is the
notebooks' compute_cost: 1/m * nansum(-log(a) * y - log(1 - a) * (1 - y)), infinite where a
saturates to the wrong label. (init_utils and opt_utils scale dZ[L] by 1/m before the products; that
moves the last bits only; InitializationReference.py runs both and prints the same results.)

scikit-learn is not installed: make_circles and make_moons are re-typed from scikit-learn 1.x
(sklearn/datasets/_samples_generator.py, sklearn.utils.shuffle), drawing from numpy's global
legacy generator as the notebooks' calls without random_state do.

Fixture format (read by NumpyCases): "case NAME ROWS COLS", then the values in C order as 16 hex
digits of their IEEE-754 bits.
"""
import math

import numpy as np


# ------------------------------------------------------------------ fixtures

class Fixture:
    def __init__(self):
        self.lines = []

    def put(self, name, value):
        a = np.atleast_2d(np.asarray(value, dtype=np.float64))
        self.lines.append('case %s %d %d' % (name, a.shape[0], a.shape[1]))
        self.lines.append(' '.join(format(int(v), '016x') for v in np.ascontiguousarray(a).reshape(-1).view(np.uint64)))

    def put_all(self, prefix, d):
        for k, v in d.items():
            self.put(prefix + k, v)

    def write(self, path):
        with open(path, 'w') as f:
            f.write('\n'.join(self.lines) + '\n')


# ------------------------------------------------------------------ data (scikit-learn's algorithms)

def _shuffle(X, y):
    indices = np.arange(X.shape[0])
    np.random.shuffle(indices)
    return X[indices], y[indices]


def make_circles(n_samples=100, noise=None, factor=.8):
    n_out = n_samples // 2
    n_in = n_samples - n_out
    lin_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    lin_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack([np.append(np.cos(lin_out), np.cos(lin_in) * factor),
                   np.append(np.sin(lin_out), np.sin(lin_in) * factor)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    X, y = _shuffle(X, y)
    if noise is not None:
        X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def make_moons(n_samples=100, noise=None):
    n_out = n_samples // 2
    n_in = n_samples - n_out
    X = np.vstack([np.append(np.cos(np.linspace(0, np.pi, n_out)), 1 - np.cos(np.linspace(0, np.pi, n_in))),
                   np.append(np.sin(np.linspace(0, np.pi, n_out)), 1 - np.sin(np.linspace(0, np.pi, n_in)) - .5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    X, y = _shuffle(X, y)
    if noise is not None:
        X += np.random.normal(scale=noise, size=X.shape)
    return X, y


def load_circles():
    """init_utils.load_dataset: seed 1, 300 training circles; seed 2, 100 test circles; noise .05."""
    np.random.seed(1)
    train_X, train_Y = make_circles(n_samples=300, noise=.05)
    np.random.seed(2)
    test_X, test_Y = make_circles(n_samples=100, noise=.05)
    return train_X.T, train_Y.reshape((1, -1)), test_X.T, test_Y.reshape((1, -1))


def load_moons(n_samples=300, noise=.2, seed=3):
    """opt_utils.load_dataset: seed 3, make_moons(300, noise=.2)."""
    np.random.seed(seed)
    X, Y = make_moons(n_samples=n_samples, noise=noise)
    return X.T, Y.reshape((1, -1))


# ------------------------------------------------------------------ initialization

def initialize_parameters_zeros(layers_dims):
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.zeros((layers_dims[l], layers_dims[l - 1]))
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_random(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * 10
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_he(layers_dims):
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layers_dims)):
        parameters['W' + str(l)] = np.random.randn(layers_dims[l], layers_dims[l - 1]) * np.sqrt(2. / layers_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layers_dims[l], 1))
    return parameters


def initialize_parameters_reg(layer_dims):
    """reg_utils.initialize_parameters: seed 3, randn / sqrt(n[l-1])."""
    np.random.seed(3)
    parameters = {}
    for l in range(1, len(layer_dims)):
        parameters['W' + str(l)] = np.random.randn(layer_dims[l], layer_dims[l - 1]) / np.sqrt(layer_dims[l - 1])
        parameters['b' + str(l)] = np.zeros((layer_dims[l], 1))
    return parameters


# ------------------------------------------------------------------ forward, cost, backward

def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def relu(z):
    return np.maximum(0, z)


def forward_propagation(X, parameters, keep_prob=1.0):
    """Returns AL and the caches (A_prev, W, b, Z, D, A) per layer; with keep_prob < 1, inverted
    dropout on the hidden layers after np.random.seed(1) (reg_utils' forward_propagation_with_dropout)."""
    L = len(parameters) // 2
    if keep_prob < 1:
        np.random.seed(1)
    caches = []
    A = X
    for l in range(1, L + 1):
        W, b = parameters['W' + str(l)], parameters['b' + str(l)]
        A_prev = A
        Z = np.dot(W, A_prev) + b
        D = None
        if l < L:
            A = relu(Z)
            if keep_prob < 1:
                D = np.random.rand(A.shape[0], A.shape[1])
                D = (D < keep_prob).astype(int)
                A = A * D
                A = A / keep_prob
        else:
            A = sigmoid(Z)
        caches.append((A_prev, W, b, Z, D, A))
    return A, caches


def cost_sum(AL, Y):
    with np.errstate(divide='ignore', invalid='ignore'):
        logprobs = np.multiply(-np.log(AL), Y) + np.multiply(-np.log(1 - AL), 1 - Y)
    return np.nansum(logprobs)


def compute_cost(AL, Y):
    m = Y.shape[1]
    return 1. / m * cost_sum(AL, Y)


def compute_cost_with_regularization(AL, Y, parameters, lambd):
    m = Y.shape[1]
    L = len(parameters) // 2
    cross_entropy_cost = compute_cost(AL, Y)
    squares = 0.
    for l in range(1, L + 1):
        squares = squares + np.sum(np.square(parameters['W' + str(l)]))
    L2_regularization_cost = (1. / m * lambd / 2) * squares
    return cross_entropy_cost + L2_regularization_cost


def backward_propagation(X, Y, caches, lambd=0., keep_prob=1.0):
    """Gradients keyed as reg_utils: dZ3, dW3, db3, dA2, dZ2, dW2, db2, dA1, dZ1, dW1, db1."""
    m = X.shape[1]
    L = len(caches)
    grads = {}
    dZ = caches[-1][5] - Y
    for l in range(L, 0, -1):
        A_prev, W, b, Z, D, A = caches[l - 1]
        grads['dZ' + str(l)] = dZ
        dW = 1. / m * np.dot(dZ, A_prev.T)
        if lambd != 0:
            dW = dW + (lambd * W) / m
        grads['dW' + str(l)] = dW
        grads['db' + str(l)] = 1. / m * np.sum(dZ, axis=1, keepdims=True)
        if l > 1:
            dA = np.dot(W.T, dZ)
            D_prev = caches[l - 2][4]
            if keep_prob < 1:
                dA = dA * D_prev
                dA = dA / keep_prob
            grads['dA' + str(l - 1)] = dA
            dZ = np.multiply(dA, np.int64(caches[l - 2][3] > 0))
    return grads


def update_parameters(parameters, grads, learning_rate):
    L = len(parameters) // 2
    out = {}
    for l in range(1, L + 1):
        out['W' + str(l)] = parameters['W' + str(l)] - learning_rate * grads['dW' + str(l)]
        out['b' + str(l)] = parameters['b' + str(l)] - learning_rate * grads['db' + str(l)]
    return out


def predict(X, y, parameters):
    a, _ = forward_propagation(X, parameters)
    p = (a > 0.5).astype(int)
    return float(np.mean(p[0, :] == y[0, :]))


# ------------------------------------------------------------------ gradient checking

def dictionary_to_vector(parameters):
    L = len(parameters) // 2
    keys = []
    vectors = []
    for l in range(1, L + 1):
        for key in ('W' + str(l), 'b' + str(l)):
            v = np.reshape(parameters[key], (-1, 1))
            keys = keys + [key] * v.shape[0]
            vectors.append(v)
    return np.concatenate(vectors, axis=0), keys


def vector_to_dictionary(theta, layers_dims):
    parameters = {}
    at = 0
    for l in range(1, len(layers_dims)):
        r, c = layers_dims[l], layers_dims[l - 1]
        parameters['W' + str(l)] = theta[at:at + r * c].reshape((r, c))
        at += r * c
        parameters['b' + str(l)] = theta[at:at + r].reshape((r, 1))
        at += r
    return parameters


def gradients_to_vector(gradients):
    L = len([k for k in gradients if k.startswith('dW')])
    return np.concatenate([np.reshape(gradients[k + str(l)], (-1, 1))
                           for l in range(1, L + 1) for k in ('dW', 'db')], axis=0)


def gradient_check_n(parameters, gradients, cost, layers_dims, epsilon=1e-7):
    """cost(parameters) -> J. Returns difference = |grad - gradapprox| / (|grad| + |gradapprox|)."""
    parameters_values, _ = dictionary_to_vector(parameters)
    grad = gradients_to_vector(gradients)
    num_parameters = parameters_values.shape[0]
    gradapprox = np.zeros((num_parameters, 1))
    for i in range(num_parameters):
        theta_plus = np.copy(parameters_values)
        theta_plus[i] = theta_plus[i] + epsilon
        J_plus = cost(vector_to_dictionary(theta_plus, layers_dims))
        theta_minus = np.copy(parameters_values)
        theta_minus[i] = theta_minus[i] - epsilon
        J_minus = cost(vector_to_dictionary(theta_minus, layers_dims))
        gradapprox[i] = (J_plus - J_minus) / (2 * epsilon)
    numerator = np.linalg.norm(grad - gradapprox)
    denominator = np.linalg.norm(grad) + np.linalg.norm(gradapprox)
    return numerator / denominator


# ------------------------------------------------------------------ optimization

def update_parameters_with_gd(parameters, grads, learning_rate):
    return update_parameters(parameters, grads, learning_rate)


def random_mini_batches(X, Y, mini_batch_size=64, seed=0):
    np.random.seed(seed)
    m = X.shape[1]
    mini_batches = []
    permutation = list(np.random.permutation(m))
    shuffled_X = X[:, permutation]
    shuffled_Y = Y[:, permutation].reshape((1, m))
    num_complete_minibatches = math.floor(m / mini_batch_size)
    for k in range(0, num_complete_minibatches):
        mini_batches.append((shuffled_X[:, k * mini_batch_size:(k + 1) * mini_batch_size],
                             shuffled_Y[:, k * mini_batch_size:(k + 1) * mini_batch_size]))
    if m % mini_batch_size != 0:
        mini_batches.append((shuffled_X[:, num_complete_minibatches * mini_batch_size:m],
                             shuffled_Y[:, num_complete_minibatches * mini_batch_size:m]))
    return mini_batches


def initialize_velocity(parameters):
    L = len(parameters) // 2
    v = {}
    for l in range(1, L + 1):
        v['dW' + str(l)] = np.zeros_like(parameters['W' + str(l)])
        v['db' + str(l)] = np.zeros_like(parameters['b' + str(l)])
    return v


def update_parameters_with_momentum(parameters, grads, v, beta, learning_rate):
    L = len(parameters) // 2
    parameters, v = dict(parameters), dict(v)
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = 'd' + p + str(l)
            v[k] = beta * v[k] + (1 - beta) * grads[k]
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v[k]
    return parameters, v


def initialize_adam(parameters):
    return initialize_velocity(parameters), initialize_velocity(parameters)


def update_parameters_with_adam(parameters, grads, v, s, t, learning_rate=0.01, beta1=0.9, beta2=0.999, epsilon=1e-8):
    L = len(parameters) // 2
    parameters, v, s = dict(parameters), dict(v), dict(s)
    v_corrected, s_corrected = {}, {}
    for l in range(1, L + 1):
        for p in ('W', 'b'):
            k = 'd' + p + str(l)
            v[k] = beta1 * v[k] + (1 - beta1) * grads[k]
            v_corrected[k] = v[k] / (1 - np.power(beta1, t))
            s[k] = beta2 * s[k] + (1 - beta2) * np.power(grads[k], 2)
            s_corrected[k] = s[k] / (1 - np.power(beta2, t))
            parameters[p + str(l)] = parameters[p + str(l)] - learning_rate * v_corrected[k] / (np.sqrt(s_corrected[k]) + epsilon)
    return parameters, v, s, v_corrected, s_corrected


def update_lr(learning_rate0, epoch_num, decay_rate):
    return 1 / (1 + decay_rate * epoch_num) * learning_rate0


def schedule_lr_decay(learning_rate0, epoch_num, decay_rate, time_interval=1000):
    return 1 / (1 + decay_rate * np.floor(epoch_num / time_interval)) * learning_rate0
