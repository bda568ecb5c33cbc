// Python basics with numpy, in Java: the first notebook of the course, cell by cell.
// Run it: ./dlbasics shell notebooks/numpy-basics.jsh   (or /open it inside ./dlbasics shell)
// A Matrix prints the way numpy prints an array, so the outputs read like the notebook's.

// --- 1.1 sigmoid of a number: s = 1 / (1 + e^-x)
// The notebook starts with math.exp and shows that it fails on a vector; in Java the scalar
// version takes a double and the vector version a Matrix: NumpyBasics.sigmoid has both.
print("basic_sigmoid(3) = " + NumpyBasics.sigmoid(3.0))

// --- 1.2 sigmoid of a vector, element by element (np.exp on an array)
var x = Matrix.row(1, 2, 3);
print("sigmoid(x) = " + NumpyBasics.sigmoid(x))

// --- 1.3 the sigmoid's gradient: sigma'(x) = s (1 - s), used by backpropagation
print("sigmoid_derivative(x) = " + NumpyBasics.sigmoidDerivative(x))

// --- 1.4 reshaping: an image of length x height x depth becomes one column of l*h*d values.
// This 3x3x2 "image" is the notebook's; its values are unrolled in C order (depth fastest).
double[][][] image = {
    {{0.67826139, 0.29380381}, {0.90714982, 0.52835647}, {0.4215251, 0.45017551}},
    {{0.92814219, 0.96677647}, {0.85304703, 0.52351845}, {0.19981397, 0.27417313}},
    {{0.60659855, 0.00533165}, {0.10820313, 0.49978937}, {0.34144279, 0.94630077}}};
print("image2vector(image) = " + NumpyBasics.image2vector(image))

// --- 1.5 normalising rows: divide each row by its length (the L2 norm) so that gradient
// descent sees features of one scale. numpy broadcasts the 2x1 norms over the 2x3 matrix.
var rows = Matrix.of(2, 3, 0, 3, 4, 1, 6, 4);
print("normalizeRows(x) = " + NumpyBasics.normalizeRows(rows))

// --- 1.6 softmax of each row: exp(x) / sum of exp(x) over the row (this notebook puts the
// examples in rows; the later notebooks put them in columns)
var scores = Matrix.of(2, 5, 9, 2, 5, 0, 0, 7, 5, 0, 0, 0);
print("softmax(x) = " + NumpyBasics.softmax(scores))

// --- 2.1 vectorised losses: L1 = sum |y - yhat|, L2 = sum (y - yhat)^2
double[] yhat = {.9, 0.2, 0.1, .4, .9};
double[] y = {1, 0, 0, 1, 1};
print("L1 = " + NumpyBasics.l1(yhat, y))
print("L2 = " + NumpyBasics.l2(yhat, y))
