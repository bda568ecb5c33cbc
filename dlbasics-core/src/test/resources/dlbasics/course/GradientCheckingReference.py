#!/usr/bin/env python3
"""Golden values for GradientCheckingStepsTest: the gradient checking notebook's
gradient_check_n_test_case (seed 1: X 4 x 3, Y [1, 1, 0], layers [4, 5, 3, 1]) through
SecondCourse.py, with the correct backward and with the notebook's two planted bugs
(dW2 doubled, db1 with 4/m), written to GradientCheckingReference.txt.

Run:  python3 GradientCheckingReference.py   (numpy 2.4.6). The notebook prints
"There is a mistake in the backward propagation! difference = 0.2850931567761623" for the bugs.
"""
import os
import sys
sys.dont_write_bytecode = True

import numpy as np

from SecondCourse import (Fixture, backward_propagation, compute_cost, dictionary_to_vector,
                          forward_propagation, gradient_check_n, gradients_to_vector,
                          vector_to_dictionary)

fx = Fixture()
np.random.seed(1)
X = np.random.randn(4, 3)
Y = np.array([[1., 1., 0.]])
p = {}
for l, (r, c) in enumerate([(5, 4), (3, 5), (1, 3)], start=1):
    p['W%d' % l] = np.random.randn(r, c)
    p['b%d' % l] = np.random.randn(r, 1)
dims = [4, 5, 3, 1]
fx.put('X', X)
fx.put('Y', Y)
fx.put_all('p.', p)

theta, keys = dictionary_to_vector(p)
fx.put('theta', theta)
assert all(np.array_equal(a, b) for a, b in zip(vector_to_dictionary(theta, dims).values(), p.values()))

AL, cache = forward_propagation(X, p)
grads = backward_propagation(X, Y, cache)
fx.put('gradVector', gradients_to_vector(grads))


def cost(q):
    return compute_cost(forward_propagation(X, q)[0], Y)


difference = gradient_check_n(p, grads, cost, dims)
fx.put('difference', difference)
print('correct backward: difference = %r (%s)' % (difference, 'passes' if difference <= 2e-7 else 'fails'))

m = X.shape[1]
buggy = dict(grads)
buggy['dW2'] = grads['dW2'] * 2
buggy['db1'] = 4. / m * np.sum(grads['dZ1'], axis=1, keepdims=True)
difference = gradient_check_n(p, buggy, cost, dims)
fx.put('buggyDifference', difference)
print('the notebook\'s bugs: difference = %r (the notebook: 0.2850931567761623)' % difference)

fx.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'GradientCheckingReference.txt'))
