// Building a deep neural network, step by step: each function of an L-layer network on the
// notebook's seeded test cases, cell by cell.
// Run it: ./dlbasics shell notebooks/deep-network-step-by-step.jsh   (needs no files)
// The functions live in DeepNetworkSteps under the course's names in Java style
// (linear_forward -> linearForward); results are records, read with A(), cache(), dW() ...

/** A dictionary of parameters or gradients in the given order, like the notebook's dicts. */
Map<String, Matrix> dict(Object... namesAndMatrices) {
    var d = new LinkedHashMap<String, Matrix>();
    for (int i = 0; i < namesAndMatrices.length; i += 2) d.put((String) namesAndMatrices[i], (Matrix) namesAndMatrices[i + 1]);
    return d;
}

// --- 3.1 Two-layer initialisation: np.random.seed(1), W = randn * 0.01, b = zeros
var parameters = DeepNetworkSteps.initializeParameters(3, 2, 1);
print("W1 = " + parameters.get("W1"));
print("b1 = " + parameters.get("b1"));
print("W2 = " + parameters.get("W2"));
print("b2 = " + parameters.get("b2"));

// --- 3.2 L-layer initialisation: layer_dims [5, 4, 3], np.random.seed(3)
var parameters = DeepNetworkSteps.initializeParametersDeep(5, 4, 3);
print("W1 = " + parameters.get("W1"));
print("b1 = " + parameters.get("b1"));
print("W2 = " + parameters.get("W2"));
print("b2 = " + parameters.get("b2"));

// --- 4.1 Linear forward: Z = W A + b (b is broadcast over the m columns)
var r = new NumpyRandom(1);
var A = r.randn(3, 2); var W = r.randn(1, 3); var b = r.randn(1, 1);
var linear = DeepNetworkSteps.linearForward(A, W, b);
print("Z = " + linear.Z());

// --- 4.2 Linear -> activation forward: A = g(Z) with g = sigmoid or relu
var r = new NumpyRandom(2);
var APrev = r.randn(3, 2); var W = r.randn(1, 3); var b = r.randn(1, 1);
print("With sigmoid: A = " + DeepNetworkSteps.linearActivationForward(APrev, W, b, "sigmoid").A());
print("With ReLU: A = " + DeepNetworkSteps.linearActivationForward(APrev, W, b, "relu").A());

// --- 4.3 The L-layer model forward: [LINEAR -> RELU] x (L-1) -> LINEAR -> SIGMOID, keeping caches
var r = new NumpyRandom(6);
var X = r.randn(5, 4);
var W1 = r.randn(4, 5); var b1 = r.randn(4, 1);
var W2 = r.randn(3, 4); var b2 = r.randn(3, 1);
var W3 = r.randn(1, 3); var b3 = r.randn(1, 1);
var forward = DeepNetworkSteps.lModelForward(X, dict("W1", W1, "b1", b1, "W2", W2, "b2", b2, "W3", W3, "b3", b3));
print("AL = " + forward.AL());
print("Length of caches list = " + forward.caches().size());

// --- 5. The cost: cross-entropy, -(1/m) sum(y log a + (1 - y) log(1 - a))
print("cost = " + DeepNetworkSteps.computeCost(Matrix.row(.8, .9, 0.4), Matrix.row(1, 1, 0)))

// --- 6.1 Linear backward: dW = dZ A_prev^T / m, db = row sums of dZ / m, dA_prev = W^T dZ
var r = new NumpyRandom(1);
var dZ = r.randn(3, 4); var A = r.randn(5, 4); var W = r.randn(3, 5); var b = r.randn(3, 1);
var g = DeepNetworkSteps.linearBackward(dZ, DeepNetworkSteps.linearForward(A, W, b).cache());
print("dA_prev = " + g.dAPrev());
print("dW = " + g.dW());
print("db = " + g.db());

// --- 6.2 Linear -> activation backward. The course's test case pairs a linear cache with an
// independent Z, so the layer cache is built here rather than taken from a forward pass.
/** The course's ((A, W, b), Z) cache of one layer. */
DeepNetworkSteps.LayerCache layerCache(Matrix A, Matrix W, Matrix b, Matrix Z) { return new DeepNetworkSteps.LayerCache(DeepNetworkSteps.linearForward(A, W, b).cache(), Z); }
var r = new NumpyRandom(2);
var dAL = r.randn(1, 2); var A = r.randn(3, 2); var W = r.randn(1, 3); var b = r.randn(1, 1); var Z = r.randn(1, 2);
var cache = layerCache(A, W, b, Z);
var g = DeepNetworkSteps.linearActivationBackward(dAL, cache, "sigmoid");
print("sigmoid:");
print("dA_prev = " + g.dAPrev());
print("dW = " + g.dW());
print("db = " + g.db());
var g = DeepNetworkSteps.linearActivationBackward(dAL, cache, "relu");
print("relu:");
print("dA_prev = " + g.dAPrev());
print("dW = " + g.dW());
print("db = " + g.db());

// --- 6.3 L-model backward: dAL = -(Y / AL - (1 - Y) / (1 - AL)), then the layers from L down to 1
var r = new NumpyRandom(3);
var AL = r.randn(1, 2); var Y = Matrix.row(1, 0);
var A1 = r.randn(4, 2); var W1 = r.randn(3, 4); var b1 = r.randn(3, 1); var Z1 = r.randn(3, 2);
var A2 = r.randn(3, 2); var W2 = r.randn(1, 3); var b2 = r.randn(1, 1); var Z2 = r.randn(1, 2);
var grads = DeepNetworkSteps.lModelBackward(AL, Y, List.of(layerCache(A1, W1, b1, Z1), layerCache(A2, W2, b2, Z2)));
print("dW1 = " + grads.get("dW1"));
print("db1 = " + grads.get("db1"));
print("dA1 = " + grads.get("dA1"));

// --- 6.4 Update: W = W - learning_rate * dW, b = b - learning_rate * db (learning rate 0.1)
var r = new NumpyRandom(2);
var parameters = dict("W1", r.randn(3, 4), "b1", r.randn(3, 1), "W2", r.randn(1, 3), "b2", r.randn(1, 1));
var grads = dict("dW1", r.randn(3, 4), "db1", r.randn(3, 1), "dW2", r.randn(1, 3), "db2", r.randn(1, 1));
var updated = DeepNetworkSteps.updateParameters(parameters, grads, 0.1);
print("W1 = " + updated.get("W1"));
print("b1 = " + updated.get("b1"));
print("W2 = " + updated.get("W2"));
print("b2 = " + updated.get("b2"));
