"""Oracle for LogisticRegressionCatIT: notebook 2's model on the cat images, written as the course writes it.

Needs numpy and h5py (as the course's lr_utils does); checked with numpy 2.4.6, h5py 3.16.0. Run from
this folder (the data stay in the shared folder, never in the repository):
    python3 LogisticRegressionCatReference.py ../../../../../../../shared/datasets
It prints, and writes to LogisticRegressionCatReference.txt, the course's lines for the 2000-iteration
run at learning rate 0.005 and the train/test accuracies of the learning-rate comparison (1500
iterations each, as the notebook runs it); the IT compares its own lines with these.
"""
import os
import sys
sys.dont_write_bytecode = True

import h5py
import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "../../../../../../dlbasics-core/src/test/resources/dlbasics/course"))
from LogisticRegressionReference import model  # noqa: E402  notebook 2's functions, unchanged


def load_dataset(folder):
    # lr_utils.load_dataset from the course
    train_dataset = h5py.File(os.path.join(folder, "train_catvnoncat.h5"), "r")
    train_set_x_orig = np.array(train_dataset["train_set_x"][:])
    train_set_y_orig = np.array(train_dataset["train_set_y"][:])
    test_dataset = h5py.File(os.path.join(folder, "test_catvnoncat.h5"), "r")
    test_set_x_orig = np.array(test_dataset["test_set_x"][:])
    test_set_y_orig = np.array(test_dataset["test_set_y"][:])
    classes = np.array(test_dataset["list_classes"][:])
    train_set_y_orig = train_set_y_orig.reshape((1, train_set_y_orig.shape[0]))
    test_set_y_orig = test_set_y_orig.reshape((1, test_set_y_orig.shape[0]))
    return train_set_x_orig, train_set_y_orig, test_set_x_orig, test_set_y_orig, classes


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "../../../../../../../shared/datasets"
    train_set_x_orig, train_set_y, test_set_x_orig, test_set_y, classes = load_dataset(folder)
    train_set_x = train_set_x_orig.reshape(train_set_x_orig.shape[0], -1).T / 255.
    test_set_x = test_set_x_orig.reshape(test_set_x_orig.shape[0], -1).T / 255.

    lines = ["# written by LogisticRegressionCatReference.py (numpy %s, h5py %s)" % (np.__version__, h5py.__version__)]
    d = model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations=2000, learning_rate=0.005)
    lines += ["Cost after iteration %i: %f" % (i * 100, cost) for i, cost in enumerate(d["costs"])]
    lines.append("train accuracy: {} %".format(d["train_accuracy"]))
    lines.append("test accuracy: {} %".format(d["test_accuracy"]))

    for lr in [0.01, 0.001, 0.0001]:
        d = model(train_set_x, train_set_y, test_set_x, test_set_y, num_iterations=1500, learning_rate=lr)
        lines.append("learning rate is: %s train accuracy: %r %% test accuracy: %r %%"
                     % (lr, float(d["train_accuracy"]), float(d["test_accuracy"])))
    print("\n".join(lines))
    with open("LogisticRegressionCatReference.txt", "w") as f:
        f.write("\n".join(lines) + "\n")
