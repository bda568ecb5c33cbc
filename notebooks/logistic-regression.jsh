// Logistic regression with a neural-network mindset: a cat / non-cat classifier, cell by cell.
// Run it: ./dlbasics shell notebooks/logistic-regression.jsh [folder with the .h5 files]
// The data: train_catvnoncat.h5 and test_catvnoncat.h5 (the course's files). They are read from the
// folder given, else from $DLBASICS_DATASETS, else from ../shared/datasets; without them the cells
// that need them are skipped with a note, and the others still run.

// --- 2. The data set: m_train images of 64 x 64 x 3 pixels, labelled cat (1) or non-cat (0)
var folder = ARGS.length > 0 ? Path.of(ARGS[0]) : datasets();
var haveCats = Files.isRegularFile(folder.resolve(CatImages.TRAIN_FILE)) && Files.isRegularFile(folder.resolve(CatImages.TEST_FILE));
if (!haveCats) {
    print("Skipping the cells that need the cat pictures: " + CatImages.TRAIN_FILE + " and " + CatImages.TEST_FILE
            + " are not in " + folder.toAbsolutePath().normalize() + ".");
    print("Give the folder that holds them: ./dlbasics shell notebooks/logistic-regression.jsh /path/to/datasets"
            + " (or set DLBASICS_DATASETS).");
}
CatImages cats = haveCats ? CatImages.readFolder(folder) : null;
if (haveCats) {
    int mTrain = cats.train().size(), mTest = cats.test().size();
    print("Number of training examples: m_train = " + mTrain);
    print("Number of testing examples: m_test = " + mTest);
    print("Height/Width of each image: num_px = " + CatImages.SIZE);
    print("Each image is of size: (" + CatImages.SIZE + ", " + CatImages.SIZE + ", 3)");
    // Flattening: each (64, 64, 3) image becomes one column of 12288 values (row, column, channel),
    // so X is 12288 x m -- examples are columns. CatImages does the reshape(m, -1).T of the notebook.
    print("train_set_x_flatten shape: (" + cats.train().X().rows() + ", " + mTrain + ")");
    print("train_set_y shape: (1, " + mTrain + ")");
    print("test_set_x_flatten shape: (" + cats.test().X().rows() + ", " + mTest + ")");
    print("test_set_y shape: (1, " + mTest + ")");
    // the first five values before scaling (CatImages has already divided by 255)
    var raw = CatImages.readRaw(folder.resolve(CatImages.TRAIN_FILE), "train").rawX();
    printf("sanity check after reshaping: [%.0f %.0f %.0f %.0f %.0f]", raw.get(0, 0), raw.get(1, 0), raw.get(2, 0), raw.get(3, 0), raw.get(4, 0));
}

// --- 4.1 helper: the sigmoid
print("sigmoid([0, 2]) = " + NumpyBasics.sigmoid(Matrix.row(0, 2)))

// --- 4.2 initialising parameters: w a column of zeros, b = 0
var w = LogisticRegressionSteps.initializeWithZeros(2);
print("w = " + w);
print("b = " + 0);

// --- 4.3 forward and backward propagation: A = sigmoid(w^T X + b), the cost, dw = X (A - Y)^T / m, db
var w = Matrix.column(1, 2);
double b = 2;
var X = Matrix.of(2, 3, 1, 2, -1, 3, 4, -3.2);
var Y = Matrix.row(1, 0, 1);
var prop = LogisticRegressionSteps.propagate(w, b, X, Y);
print("dw = " + prop.grads().dw());
printf("db = %.14f", prop.grads().db());
printf("cost = %.11f", prop.cost());

// --- 4.4 optimisation: 100 steps of gradient descent with learning rate 0.009
var opt = LogisticRegressionSteps.optimize(w, b, X, Y, 100, 0.009);
print("w = " + opt.w());
printf("b = %.11f", opt.b());
print("dw = " + opt.grads().dw());
printf("db = %.12f", opt.grads().db());

// predict: 1 where the probability is above 0.5
var w = Matrix.column(0.1124579, 0.23106775);
var X = Matrix.of(2, 3, 1., -1.1, -3.2, 1.2, 2., 0.1);
print("predictions = " + LogisticRegressionSteps.predict(w, -0.3, X));

// --- 5. the model: all the pieces together, 2000 iterations with learning rate 0.005.
// The cost is printed every 100 iterations; train accuracy near 99 % and test 70 % show overfitting.
LogisticRegressionSteps.Result d = null;
if (haveCats) {
    d = LogisticRegressionSteps.model(cats.train().X(), cats.train().Y(), cats.test().X(), cats.test().Y(), 2000, 0.005,
            (i, cost) -> printf("Cost after iteration %d: %f", i, cost));
    print("train accuracy: " + d.trainAccuracy() + " %");
    print("test accuracy: " + d.testAccuracy() + " %");
    // the learning curve, as a picture
    double[] costs = d.costs().stream().mapToDouble(Double::doubleValue).toArray();
    print("learning curve: " + save(CostCurve.render(costs, 100, 0.005, 640, 420), "logistic-regression-costs.png"));
}

// --- 6. the choice of learning rate: too large and the cost oscillates, too small and it learns slowly
if (haveCats) {
    for (double rate : new double[] {0.01, 0.001, 0.0001}) {
        print("learning rate is: " + rate);
        var run = LogisticRegressionSteps.model(cats.train().X(), cats.train().Y(), cats.test().X(), cats.test().Y(), 1500, rate);
        print("train accuracy: " + run.trainAccuracy() + " %");
        print("test accuracy: " + run.testAccuracy() + " %");
        print("-------------------------------------------------------");
    }
}

// --- 7. your own image: a 64 x 64 column scaled to [0, 1]; put its path in place of my_image.jpg
var myImage = folder.resolve("images/my_image.jpg");
if (haveCats && Files.isRegularFile(myImage)) {
    var image = Images.read(myImage);
    var p = LogisticRegressionSteps.predict(d.w(), d.b(), image);
    print("y = " + (int) p.get(0, 0) + ", your algorithm predicts a \"" + cats.classNames().get((int) p.get(0, 0)) + "\" picture.");
}
