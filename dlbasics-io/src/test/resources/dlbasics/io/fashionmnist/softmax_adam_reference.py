#!/usr/bin/env python3
"""Reference for a softmax network trained with Adam on a slice of Fashion-MNIST (issue 17).

A later Java test replays this recipe and compares its costs and parameters with the ones saved here
to 1e-12. Writes softmax-adam-reference.npz beside this script.

Recipe (everything float64, examples in columns as the course):
  data     the first 256 training images and labels of Debian's dataset-fashion-mnist
           (/usr/share/datasets/fashion-mnist/train-{images-idx3,labels-idx1}-ubyte.gz);
           X = images.reshape(256, -1).T / 255.  (784 x 256), labels y in 0..9,
           Y one-hot (10 x 256): Y[y[j], j] = 1
  network  [784, 32, 10]: Z1 = W1 A0 + b1, A1 = relu(Z1) = max(0, Z1); Z2 = W2 A1 + b2,
           A2 = softmax(Z2) per column: E = exp(Z2 - max_k Z2[k]), A2 = E / sum_k E[k]
  init     He, as the course's initialize_parameters_he: np.random.seed(3); for l = 1, 2:
           W[l] = np.random.randn(n[l], n[l-1]) * np.sqrt(2 / n[l-1]), b[l] = zeros(n[l], 1)
           (W1 is drawn before W2; b draws nothing)
  cost     cross-entropy of the batch before the step: J = -(1/m) sum_j log A2[y_j, j], with
           log A2 = (Z2 - max) - log(sum_k E[k]) (log-softmax, finite for any finite logits)
  backward dZ2 = A2 - Y; dW2 = (1/m) dZ2 A1^T; db2 = (1/m) sum_j dZ2; dA1 = W2^T dZ2;
           dZ1 = dA1 * (Z1 > 0); dW1 = (1/m) dZ1 A0^T; db1 = (1/m) sum_j dZ1
  adam     learning rate 1e-3, beta1 0.9, beta2 0.999, epsilon 1e-8, t counts steps from 1, v and s
           start at 0 (course: v = b1 v + (1-b1) dW; s = b2 s + (1-b2) dW^2; v^ = v / (1 - b1^t);
           s^ = s / (1 - b2^t); W = W - lr v^ / (sqrt(s^) + eps)), the same for every W and b
  batches  64 columns each, in order, no shuffling: step t (1..4) trains on columns
           [64 (t-1), 64 t); 4 steps = one epoch over the 256 images

Saved (about 0.4 MB; every array float64 and at least 1-d, so a plain '<f8' .npy reader suffices):
  labels           (256,): the labels 0..9 of the slice (check the data before comparing)
  pixel_sum        (1,): the sum of the slice's raw pixels 0..255 (an integer, exact in float64)
  W1_init b1_init W2_init b2_init   the He-initialised parameters (check the RNG, or start from them)
  costs            (4,): J of batch t before step t
  W1 b1 W2 b2      the parameters after the 4 steps
  final_cost       (1,): J over all 256 images with the final parameters
  order_sensitivity (1,): max |difference| of the final parameters when every product is summed in
                   another order (np.einsum instead of BLAS): how close two correct implementations
                   get, the floor under the 1e-12 tolerance (5.3e-14 with numpy 2.4.6)

Measured once by hand: dlbasics' NumpyRandom(3) gives the same He initialisation except 7 of the 25,408
weights, off by at most 2 ulps (its normals use Math.log); training from that initialisation moves the
final parameters by 1.4e-17. So a Java test may start from its own He init or from W*_init.

Run: python3 softmax_adam_reference.py   (numpy >= 1.17; tested with the numpy printed at the end)
"""
import gzip
import os

import numpy as np

FOLDER = "/usr/share/datasets/fashion-mnist"
M, BATCH, STEPS = 256, 64, 4
LAYERS = [784, 32, 10]
LEARNING_RATE, BETA1, BETA2, EPSILON = 1e-3, 0.9, 0.999, 1e-8


def load():
    with gzip.open(f"{FOLDER}/train-images-idx3-ubyte.gz", "rb") as f:
        images = np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 28, 28)[:M]
    with gzip.open(f"{FOLDER}/train-labels-idx1-ubyte.gz", "rb") as f:
        labels = np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:M]
    X = images.reshape(M, -1).T / 255.
    Y = np.zeros((10, M))
    Y[labels, np.arange(M)] = 1.0
    return images, labels, X, Y


def initialize_parameters_he(layers):
    np.random.seed(3)
    params = {}
    for l in range(1, len(layers)):
        params[f"W{l}"] = np.random.randn(layers[l], layers[l - 1]) * np.sqrt(2 / layers[l - 1])
        params[f"b{l}"] = np.zeros((layers[l], 1))
    return params


def blas(a, b):
    return a @ b


def einsum(a, b):
    return np.einsum("ik,kj->ij", a, b, optimize=False)


def forward(params, A0, mult):
    Z1 = mult(params["W1"], A0) + params["b1"]
    A1 = np.maximum(0, Z1)
    Z2 = mult(params["W2"], A1) + params["b2"]
    shifted = Z2 - Z2.max(axis=0, keepdims=True)
    E = np.exp(shifted)
    total = E.sum(axis=0, keepdims=True)
    A2 = E / total
    log_A2 = shifted - np.log(total)
    return Z1, A1, A2, log_A2


def cost(log_A2, labels):
    m = labels.shape[0]
    return -np.sum(log_A2[labels, np.arange(m)]) / m


def backward(params, A0, Y, Z1, A1, A2, mult):
    m = A0.shape[1]
    dZ2 = A2 - Y
    grads = {"dW2": (1 / m) * mult(dZ2, A1.T), "db2": (1 / m) * np.sum(dZ2, axis=1, keepdims=True)}
    dA1 = mult(params["W2"].T, dZ2)
    dZ1 = dA1 * (Z1 > 0)
    grads["dW1"] = (1 / m) * mult(dZ1, A0.T)
    grads["db1"] = (1 / m) * np.sum(dZ1, axis=1, keepdims=True)
    return grads


def train(X, Y, labels, mult):
    params = initialize_parameters_he(LAYERS)
    init = {k + "_init": v.copy() for k, v in params.items()}
    v = {k: np.zeros_like(p) for k, p in params.items()}
    s = {k: np.zeros_like(p) for k, p in params.items()}
    costs = []
    for t in range(1, STEPS + 1):
        cols = slice(BATCH * (t - 1), BATCH * t)
        A0, Yb, yb = X[:, cols], Y[:, cols], labels[cols]
        Z1, A1, A2, log_A2 = forward(params, A0, mult)
        costs.append(cost(log_A2, yb))
        grads = backward(params, A0, Yb, Z1, A1, A2, mult)
        for k in params:
            g = grads["d" + k]
            v[k] = BETA1 * v[k] + (1 - BETA1) * g
            s[k] = BETA2 * s[k] + (1 - BETA2) * np.square(g)
            v_hat = v[k] / (1 - BETA1 ** t)
            s_hat = s[k] / (1 - BETA2 ** t)
            params[k] = params[k] - LEARNING_RATE * v_hat / (np.sqrt(s_hat) + EPSILON)
    final_cost = cost(forward(params, X, mult)[3], labels)
    return init, np.array(costs), params, final_cost


def main():
    images, labels, X, Y = load()
    init, costs, params, final_cost = train(X, Y, labels, blas)
    _, _, params_einsum, _ = train(X, Y, labels, einsum)
    sensitivity = max(np.max(np.abs(params[k] - params_einsum[k])) for k in params)
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "softmax-adam-reference.npz")
    np.savez(out, labels=labels.astype(np.float64), pixel_sum=np.array([images.astype(np.int64).sum()], dtype=np.float64),
             costs=costs, final_cost=np.array([final_cost]), order_sensitivity=np.array([sensitivity]), **init, **params)
    print(f"numpy {np.__version__}; costs {costs.tolist()}; final cost {float(final_cost)!r}; "
          f"order sensitivity {sensitivity:.3g}; wrote {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
