// Initialization (the second course's first notebook), cell by cell: the same network
// [2, 10, 5, 1] (ReLU, sigmoid output) trained three times, changing only how its weights start.
// Run it: ./dlbasics shell notebooks/initialization.jsh   (needs no files: the circles are generated)

// --- The data: scikit-learn's make_circles with numpy's seeds (train seed 1, 300 points; test seed 2,
// 100 points; noise 0.05). X is 2 x m, Y is 1 x m.
var train = Circles.make(300, 0.8, 0.05, 1);
var test = Circles.make(100, 0.8, 0.05, 2);
print("train X: (" + train.X().rows() + ", " + train.X().cols() + "), test X: (" + test.X().rows() + ", " + test.X().cols() + ")");

/** The notebook's run: learning rate 0.01, 15000 iterations, the cost every 1000; then both accuracies. */
InitializationSteps.ModelResult run(String init) {
    var result = InitializationSteps.model(train.X(), train.Y(), 0.01, 15000, init,
            (i, cost) -> print("Cost after iteration " + i + ": " + cost));
    print("On the train set:");
    print("Accuracy: " + DeepNetworkSteps.predict(train.X(), train.Y(), result.parameters()).accuracy());
    print("On the test set:");
    print("Accuracy: " + DeepNetworkSteps.predict(test.X(), test.Y(), result.parameters()).accuracy());
    return result;
}

// --- 2. Zero initialization: every unit of a layer computes the same function, so the symmetry is
// never broken; the cost stays at log 2 = 0.6931 and the network predicts 0 everywhere (50 %).
print("W1 = " + InitializationSteps.initializeParametersZeros(new int[] {3, 2, 1}).get("W1"));
var zeros = run("zeros");

// --- 3. Large random initialization (randn * 10, seed 3): the sigmoid saturates, the first cost is
// infinite (log 0), and learning is slow: about 83 % / 86 %.
var large = run("random");

// --- 4. He initialization (randn * sqrt(2 / n[l-1]), seed 3), made for ReLU layers: 99.33 % / 96 %.
var he = run("he");
print("decision boundary: " + save(DecisionBoundary.render(
        points -> DeepNetworkSteps.predict(points, Matrix.zeros(1, points.cols()), he.parameters()).predictions(),
        train.X(), train.Y(), "Model with He initialization", 600, 500), "initialization-he.png"));
