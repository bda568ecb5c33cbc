// Gradient checking (the second course), cell by cell: compare backpropagation's gradients with
// centred differences of the cost, (J(theta + eps) - J(theta - eps)) / (2 eps), one parameter at a time.
// Run it: ./dlbasics shell notebooks/gradient-checking.jsh   (needs no files)

// --- 1-2. The one-dimensional case: J(theta) = theta * x, so dJ/dtheta = x
double x = 2, theta = 4, epsilon = 1e-7;
double gradapprox = ((theta + epsilon) * x - (theta - epsilon) * x) / (2 * epsilon);
double grad = x;
double difference = Math.abs(grad - gradapprox) / (Math.abs(grad) + Math.abs(gradapprox));
print(difference < 1e-7 ? "The gradient is correct!" : "The gradient is wrong!");
print("difference = " + difference);

// --- 3. The N-dimensional case: the notebook's test case, seed 1, X 4 x 3, labels [1, 1, 0],
// a [4, 5, 3, 1] network (ReLU, ReLU, sigmoid) with every parameter drawn by randn.
var rng = new NumpyRandom(1);
var X = rng.randn(4, 3);
var Y = Matrix.row(1, 1, 0);
var parameters = new LinkedHashMap<String, Matrix>();
int[] dims = {4, 5, 3, 1};
for (int l = 1; l < dims.length; l++) {
    parameters.put("W" + l, rng.randn(dims[l], dims[l - 1]));
    parameters.put("b" + l, rng.randn(dims[l], 1));
}

// dictionary_to_vector: W1, b1, W2, b2, W3, b3 flattened in C order into one 47 x 1 column
var flat = GradientCheckingSteps.dictionaryToVector(parameters);
print("theta: (" + flat.theta().rows() + ", " + flat.theta().cols() + ")");

// The correct backward pass: the difference is about 1e-7, the rounding of J divided by epsilon.
var forward = RegularizationSteps.forwardPropagation(X, parameters);
var gradients = RegularizationSteps.backwardPropagation(X, Y, forward.cache());
var check = GradientCheckingSteps.gradientCheckN(parameters, gradients, X, Y);
print((check.passed() ? "Your backward propagation works perfectly fine!" : "There is a mistake in the backward propagation!")
        + " difference = " + check.difference());

// The notebook's planted bugs, dW2 doubled and db1 computed with 4/m: the check catches them.
var buggy = new LinkedHashMap<String, Matrix>(gradients);
buggy.put("dW2", gradients.get("dW2").times(2));
buggy.put("db1", gradients.get("dZ1").rowSums().times(4.0 / X.cols()));
var bug = GradientCheckingSteps.gradientCheckN(parameters, buggy, X, Y);
print((bug.passed() ? "Your backward propagation works perfectly fine!" : "There is a mistake in the backward propagation!")
        + " difference = " + bug.difference());
