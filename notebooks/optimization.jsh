// Optimization methods (the second course), cell by cell: mini-batch gradient descent, momentum and
// Adam on the same network, then learning-rate decay.
// Run it: ./dlbasics shell notebooks/optimization.jsh   (needs no files: the moons are generated)

// --- 2. Mini-batches: shuffle the columns with a seeded permutation, then cut batches of 64
// (the last one holds the m mod 64 left over).
var moons = Moons.make(300, 0.2, 3);     // scikit-learn's make_moons(300, noise=.2) under np.random.seed(3)
var X = moons.X();
var Y = moons.Y();
var batches = OptimizationSteps.randomMiniBatches(X, Y, 64, 0);
for (var batch : batches) print("mini-batch X: (" + batch.X().rows() + ", " + batch.X().cols() + "), Y: (" + batch.Y().rows() + ", " + batch.Y().cols() + ")");

// --- 3-5. Momentum keeps an exponentially weighted average of the gradients; Adam also scales each
// step by the average of the squared gradients (with bias correction by 1 - beta^t).
var parameters = InitializationSteps.initializeParametersHe(new int[] {2, 5, 2, 1});
var v = OptimizationSteps.initializeVelocity(parameters);
print("v[\"dW1\"] = " + v.get("dW1"));
var adam = OptimizationSteps.initializeAdam(parameters);
print("s[\"db2\"] = " + adam.s().get("db2"));

// --- 6. The model, [2, 5, 2, 1], learning rate 0.0007, batches of 64, 5000 epochs, with each optimizer.
// Gradient descent and momentum reach about 72 % in 5000 epochs; Adam about 94 %.
/** Trains with one optimizer (and an optional learning-rate schedule) and prints the accuracy. */
OptimizationSteps.ModelResult train(String optimizer, double learningRate, OptimizationSteps.Decay decay) {
    var result = OptimizationSteps.model(X, Y, new int[] {2, 5, 2, 1}, optimizer, learningRate, 64, 0.9, 0.9, 0.999, 1e-8,
            5000, decay, 1, (epoch, cost) -> print("Cost after epoch " + epoch + ": " + cost));
    print(optimizer + (decay == null ? "" : " with learning-rate decay") + ": Accuracy: "
            + DeepNetworkSteps.predict(X, Y, result.parameters()).accuracy());
    return result;
}
var gd = train("gd", 0.0007, null);
var momentum = train("momentum", 0.0007, null);
var adamRun = train("adam", 0.0007, null);
print("Adam's boundary: " + save(DecisionBoundary.render(
        points -> DeepNetworkSteps.predict(points, Matrix.zeros(1, points.cols()), adamRun.parameters()).predictions(),
        X, Y, "Model with Adam optimization", 600, 500), "optimization-adam.png"));

// --- 7. Learning-rate decay: alpha = alpha0 / (1 + decay_rate * floor(epoch / 1000)); with it,
// gradient descent and momentum also reach about 94 %.
print("scheduled learning rate at epoch 2000: " + OptimizationSteps.scheduleLrDecay(0.5, 2000, 1, 1000));
var gdDecay = train("gd", 0.1, OptimizationSteps::scheduleLrDecay);
var momentumDecay = train("momentum", 0.1, OptimizationSteps::scheduleLrDecay);
var adamDecay = train("adam", 0.01, OptimizationSteps::scheduleLrDecay);
