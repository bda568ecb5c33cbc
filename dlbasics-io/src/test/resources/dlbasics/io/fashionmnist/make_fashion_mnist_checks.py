#!/usr/bin/env python3
"""Checks for FashionMnistIT: what numpy reads from Debian's Fashion-MNIST files.

Recipe: read the gzip IDX files from /usr/share/datasets/fashion-mnist (package
dataset-fashion-mnist) as the data set's own utils/mnist_reader.py does (np.frombuffer after a
16-byte / 8-byte header), keep the first 5,000 training and 1,000 test images, and write integer
facts that do not depend on summation order, one per line, `name value value ...`:

  train_shape          X's shape after images.reshape(m, -1).T: 784 5000
  train_labels_first   the first 20 training labels
  train_class_counts   how many of the first 5,000 training images are in each class 0..9
  train_pixel_sums     the sum of the raw pixels (0..255) of training images 0..4
  train_pixel_total    the sum of all raw pixels of the first 5,000 training images
  train_image0_row14   image 0's raw pixels in row 14 (X[14*28 + c, 0] * 255 for c = 0..27)
  test_labels_first    the first 20 test labels
  test_class_counts    classes of the first 1,000 test images
  test_pixel_total     the sum of all raw pixels of the first 1,000 test images

Run: python3 make_fashion_mnist_checks.py > fashion-mnist-checks.txt
"""
import gzip

import numpy as np

FOLDER = "/usr/share/datasets/fashion-mnist"


def images(name, m):
    with gzip.open(f"{FOLDER}/{name}", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=16).reshape(-1, 784)[:m]


def labels(name, m):
    with gzip.open(f"{FOLDER}/{name}", "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=8)[:m]


def line(name, values):
    print(name, " ".join(str(int(v)) for v in np.atleast_1d(values)))


train_x = images("train-images-idx3-ubyte.gz", 5000)
train_y = labels("train-labels-idx1-ubyte.gz", 5000)
test_x = images("t10k-images-idx3-ubyte.gz", 1000)
test_y = labels("t10k-labels-idx1-ubyte.gz", 1000)
X = train_x.reshape(5000, -1).T  # the course's layout: 784 x m (before / 255.)

line("train_shape", X.shape)
line("train_labels_first", train_y[:20])
line("train_class_counts", np.bincount(train_y, minlength=10))
line("train_pixel_sums", train_x[:5].astype(np.int64).sum(axis=1))
line("train_pixel_total", train_x.astype(np.int64).sum())
line("train_image0_row14", X[14 * 28:15 * 28, 0])
line("test_labels_first", test_y[:20])
line("test_class_counts", np.bincount(test_y, minlength=10))
line("test_pixel_total", test_x.astype(np.int64).sum())
