// Planar data classification with one hidden layer, cell by cell.
// Run it: ./dlbasics shell notebooks/planar-data.jsh   (needs no files: the data set is generated)
// A network with one tanh hidden layer separates the "flower", which logistic regression cannot.

// --- 2. The data set: a 2-class "flower" of 400 points (red 0, blue 1), generated with seed 1.
// X is 2 x 400 (x1, x2 of each point in a column), Y is 1 x 400.
var flower = PlanarData.flower(1);
var X = flower.X();
var Y = flower.Y();
print("The shape of X is: (" + X.rows() + ", " + X.cols() + ")");
print("The shape of Y is: (" + Y.rows() + ", " + Y.cols() + ")");
print("I have m = " + X.cols() + " training examples!");

// --- 3. Simple logistic regression first: a straight line cannot follow the petals.
// (The notebook uses scikit-learn's LogisticRegressionCV; here the course's own logistic
// regression, 10000 steps with learning rate 1.2.)
var lr = LogisticRegressionSteps.model(X, Y, X, Y, 10000, 1.2);
print("Accuracy of logistic regression: " + (int) lr.trainAccuracy() + " % (percentage of correctly labelled datapoints)");
print("logistic regression's boundary: " + save(DecisionBoundary.render(
        points -> LogisticRegressionSteps.predict(lr.w(), lr.b(), points), X, Y, "Logistic Regression", 600, 500),
        "planar-logistic-regression.png"));

// --- 4.1 The layer sizes: n_x inputs, n_h = 4 hidden units, n_y outputs
var sizes = OneHiddenLayerSteps.layerSizes(X, Y);
print("The size of the input layer is: n_x = " + sizes.nX());
print("The size of the hidden layer is: n_h = " + OneHiddenLayerSteps.DEFAULT_HIDDEN_SIZE);
print("The size of the output layer is: n_y = " + sizes.nY());

// --- 4.2 Initialising: small random weights (np.random.seed(2), randn * 0.01) break the symmetry
// between hidden units; the biases start at zero.
var parameters = OneHiddenLayerSteps.initializeParameters(2, 4, 1);
print("W1 = " + parameters.get("W1"));
print("b1 = " + parameters.get("b1"));
print("W2 = " + parameters.get("W2"));
print("b2 = " + parameters.get("b2"));

// --- 4.3 The loop: forward (Z1 = W1 X + b1, A1 = tanh Z1, A2 = sigmoid(W2 A1 + b2)), cost,
// backward (dZ2 = A2 - Y, dZ1 = W2^T dZ2 * (1 - A1^2)), update with learning rate 1.2.
var forward = OneHiddenLayerSteps.forwardPropagation(X, parameters);
printf("cost at the start = %f", OneHiddenLayerSteps.computeCost(forward.A2(), Y));

// --- 4.4 nn_model on the flower: n_h = 4, 10000 iterations, the cost every 1000
var model = OneHiddenLayerSteps.nnModel(X, Y, 4, 10000, 1.2,
        (i, cost) -> printf("Cost after iteration %d: %f", i, cost));
var predictions = OneHiddenLayerSteps.predict(model.parameters(), X);
print("Accuracy: " + OneHiddenLayerSteps.accuracy(predictions, Y) + "%");
print("decision boundary: " + save(DecisionBoundary.render(
        points -> OneHiddenLayerSteps.predict(model.parameters(), points), X, Y, "Decision Boundary for hidden layer size 4",
        600, 500), "planar-hidden-4.png"));

// --- 4.6 Tuning the hidden layer size: 5000 iterations each. Larger sizes fit the data better
// until they begin to overfit; around 5 units is enough here.
for (int nH : new int[] {1, 2, 3, 4, 5, 20, 50}) {
    var m = OneHiddenLayerSteps.nnModel(X, Y, nH, 5000);
    double accuracy = OneHiddenLayerSteps.accuracy(OneHiddenLayerSteps.predict(m.parameters(), X), Y);
    print("Accuracy for " + nH + " hidden units: " + accuracy + " %");
}
