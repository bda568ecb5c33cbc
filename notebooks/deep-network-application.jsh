// Deep neural network for image classification: the application, cell by cell.
// Run it: ./dlbasics shell notebooks/deep-network-application.jsh [folder with the .h5 files]
// The data: train_catvnoncat.h5 and test_catvnoncat.h5 (the course's files), read from the folder
// given, else from $DLBASICS_DATASETS, else from ../shared/datasets; without them the cells that
// need them are skipped with a note. -Ddlbasics.notebook.iterations=N (in DLBASICS_JAVA_OPTS)
// shortens both trainings from the course's 2500 iterations, for a quick look.

// --- 2. The data set: 209 training and 50 test images of 64 x 64 x 3, flattened to 12288 x m
// and divided by 255 (CatImages does both).
var folder = ARGS.length > 0 ? Path.of(ARGS[0]) : datasets();
var haveCats = Files.isRegularFile(folder.resolve(CatImages.TRAIN_FILE)) && Files.isRegularFile(folder.resolve(CatImages.TEST_FILE));
if (!haveCats) {
    print("Skipping the cells that need the cat pictures: " + CatImages.TRAIN_FILE + " and " + CatImages.TEST_FILE
            + " are not in " + folder.toAbsolutePath().normalize() + ".");
    print("Give the folder that holds them: ./dlbasics shell notebooks/deep-network-application.jsh /path/to/datasets"
            + " (or set DLBASICS_DATASETS).");
}
CatImages cats = haveCats ? CatImages.readFolder(folder) : null;
int iterations = Integer.getInteger("dlbasics.notebook.iterations", 2500);
if (haveCats) {
    print("Number of training examples: " + cats.train().size());
    print("Number of testing examples: " + cats.test().size());
    print("Each image is of size: (64, 64, 3)");
    print("train_x's shape: (" + cats.train().X().rows() + ", " + cats.train().X().cols() + ")");
    print("test_x's shape: (" + cats.test().X().rows() + ", " + cats.test().X().cols() + ")");
}

// --- 4. A two-layer network: LINEAR -> RELU -> LINEAR -> SIGMOID, (12288, 7, 1),
// learning rate 0.0075, initialised with np.random.seed(1) and randn * 0.01
DeepNetworkSteps.ModelResult twoLayer = null;
if (haveCats) {
    twoLayer = DeepNetworkSteps.twoLayerModel(cats.train().X(), cats.train().Y(), new int[] {12288, 7, 1}, 0.0075, iterations,
            (i, cost) -> print("Cost after iteration " + i + ": " + cost));
    print("Accuracy: " + DeepNetworkSteps.predict(cats.train().X(), cats.train().Y(), twoLayer.parameters()).accuracy());
    print("Accuracy: " + DeepNetworkSteps.predict(cats.test().X(), cats.test().Y(), twoLayer.parameters()).accuracy());
}

// --- 5. An L-layer network: [LINEAR -> RELU] x 3 -> LINEAR -> SIGMOID, [12288, 20, 7, 5, 1],
// weights randn / sqrt(n[l-1]) with np.random.seed(1). Deeper does better on the test set (80 %).
DeepNetworkSteps.ModelResult deep = null;
if (haveCats) {
    deep = DeepNetworkSteps.lLayerModel(cats.train().X(), cats.train().Y(), new int[] {12288, 20, 7, 5, 1}, 0.0075, iterations,
            (i, cost) -> printf("Cost after iteration %d: %f", i, cost));
    print("Accuracy: " + DeepNetworkSteps.predict(cats.train().X(), cats.train().Y(), deep.parameters()).accuracy());
    print("Accuracy: " + DeepNetworkSteps.predict(cats.test().X(), cats.test().Y(), deep.parameters()).accuracy());
    double[] costs = deep.costs().stream().mapToDouble(Double::doubleValue).toArray();
    print("learning curve: " + save(CostCurve.render(costs, 100, 0.0075, 640, 420), "deep-network-costs.png"));
}

// --- 6. Results analysis: the test pictures the network gets wrong (cats seen from an odd
// angle, in unusual light, or small in the frame)
if (haveCats) {
    var wrong = DeepNetworkSteps.predict(cats.test().X(), cats.test().Y(), deep.parameters());
    print("mislabelled pictures: " + save(ImageGrid.mislabelled(cats.test().X(), wrong.predictions(), cats.test().Y(),
            cats.classNames(), 64, 64, 5, 10), "deep-network-mislabelled.png"));
}

// --- 7. Your own image: put its path in place of images/my_image.jpg; it is resized to 64 x 64
// and scaled by 1/255 like the training pictures.
var myImage = folder.resolve("images/my_image.jpg");
if (haveCats && Files.isRegularFile(myImage)) {
    var image = Images.read(myImage);
    var p = DeepNetworkSteps.predict(image, Matrix.ones(1, 1), deep.parameters());
    int label = (int) p.predictions().get(0, 0);
    print("Accuracy: " + p.accuracy());
    print("y = " + label + ", your L-layer model predicts a \"" + cats.classNames().get(label) + "\" picture.");
}
