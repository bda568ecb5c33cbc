// Regularization (the second course), cell by cell: the same network [2, 20, 3, 1] trained without
// regularization, with L2, and with dropout. The notebook's 2-D "football" data set is not ours;
// like RegularizationModelIT, this runs on moons: train make_moons(300, noise .2) under seed 1, test
// 200 points under seed 2.
// Run it: ./dlbasics shell notebooks/regularization.jsh   (needs no files)

var train = Moons.make(300, 0.2, 1);
var test = Moons.make(200, 0.2, 2);

/** The notebook's run: learning rate 0.3, 30000 iterations, the cost every 10000; then both accuracies. */
RegularizationSteps.ModelResult run(String title, double lambd, double keepProb) {
    print(title + ":");
    var result = RegularizationSteps.model(train.X(), train.Y(), 0.3, 30000, lambd, keepProb,
            (i, cost) -> print("Cost after iteration " + i + ": " + cost));
    print("On the train set:");
    print("Accuracy: " + DeepNetworkSteps.predict(train.X(), train.Y(), result.parameters()).accuracy());
    print("On the test set:");
    print("Accuracy: " + DeepNetworkSteps.predict(test.X(), test.Y(), result.parameters()).accuracy());
    return result;
}

// --- 1. Without regularization the network fits the training set almost perfectly (overfitting).
var plain = run("without regularization", 0, 1);

// --- 2. L2: the cost adds (lambd / 2m) * sum of |W[l]|^2, and backprop adds (lambd / m) W[l] to dW[l];
// smaller weights give a smoother boundary (lambd = 0.7).
var l2 = run("with L2, lambd = 0.7", 0.7, 1);

// --- 3. Inverted dropout on the hidden layers: each unit is kept with probability 0.86 and the kept
// ones are divided by 0.86; the same mask scales dA in backprop. Never at prediction time.
var dropout = run("with dropout, keep_prob = 0.86", 0, 0.86);
print("L2's boundary: " + save(DecisionBoundary.render(
        points -> DeepNetworkSteps.predict(points, Matrix.zeros(1, points.cols()), l2.parameters()).predictions(),
        train.X(), train.Y(), "Model with L2-regularization", 600, 500), "regularization-l2.png"));
