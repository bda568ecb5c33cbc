#!/usr/bin/env python3
"""Golden values for RegularizationStepsTest: L2 and inverted dropout (SecondCourse.py) on the
regularization notebook's seeded test cases and on a consistent case of our own, and the notebook's
model ([n_x, 20, 3, 1], learning rate 0.3, 30000 iterations) written to RegularizationReference.txt.

The notebook's "football" data set is not ours to ship: the models train on moons instead,
make_moons(300, noise=.2) after np.random.seed(1), tested on make_moons(200, noise=.2) after
np.random.seed(2). Run:  python3 RegularizationReference.py   (numpy 2.4.6; about two minutes).
"""
import os
import sys
sys.dont_write_bytecode = True

import numpy as np

from SecondCourse import (Fixture, backward_propagation, compute_cost, compute_cost_with_regularization,
                          forward_propagation, initialize_parameters_reg, load_moons, predict,
                          update_parameters)


def model(X, Y, learning_rate=0.3, num_iterations=30000, lambd=0., keep_prob=1.):
    costs = []
    parameters = initialize_parameters_reg([X.shape[0], 20, 3, 1])
    for i in range(num_iterations):
        a3, cache = forward_propagation(X, parameters, keep_prob)
        cost = compute_cost(a3, Y) if lambd == 0 else compute_cost_with_regularization(a3, Y, parameters, lambd)
        grads = backward_propagation(X, Y, cache, lambd, keep_prob)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
    return parameters, costs


fx = Fixture()

# the notebook's compute_cost_with_regularization_test_case; it prints cost = 1.78648594516
np.random.seed(1)
Y = np.array([[1, 1, 0, 1, 0]])
p = {}
for l, (r, c) in enumerate([(2, 3), (3, 2), (1, 3)], start=1):
    p['W%d' % l] = np.random.randn(r, c)
    p['b%d' % l] = np.random.randn(r, 1)
a3 = np.array([[0.40682402, 0.01629284, 0.16722898, 0.10118111, 0.40682402]])
fx.put_all('costCase.', p)
fx.put('costCase.A3', a3)
fx.put('costCase.Y', Y)
fx.put('costCase.cost', compute_cost_with_regularization(a3, Y, p, lambd=0.1))
print('compute_cost_with_regularization_test_case: cost = %.12g (the notebook: 1.78648594516)'
      % compute_cost_with_regularization(a3, Y, p, lambd=0.1))

# the notebook's forward_propagation_with_dropout_test_case, keep_prob 0.7; it prints
# A3 = [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]]
np.random.seed(1)
X = np.random.randn(3, 5)
p = {}
for l, (r, c) in enumerate([(2, 3), (3, 2), (1, 3)], start=1):
    p['W%d' % l] = np.random.randn(r, c)
    p['b%d' % l] = np.random.randn(r, 1)
A3, _ = forward_propagation(X, p, keep_prob=0.7)
fx.put('dropoutCase.X', X)
fx.put_all('dropoutCase.', p)
fx.put('dropoutCase.A3', A3)
print('forward_propagation_with_dropout_test_case: A3 =', A3, '(the notebook: [[0.36974721 0.00305176 0.04565099 0.49683389 0.36974721]])')

# a consistent case of our own: seed 1, X 3 x 5, layers [3, 4, 3, 1], every function's output
np.random.seed(1)
X = np.random.randn(3, 5)
Y = np.array([[1., 1., 0., 1., 0.]])
p = {}
for l, (r, c) in enumerate([(4, 3), (3, 4), (1, 3)], start=1):
    p['W%d' % l] = np.random.randn(r, c)
    p['b%d' % l] = np.random.randn(r, 1)
fx.put('own.X', X)
fx.put('own.Y', Y)
fx.put_all('own.', p)
AL, cache = forward_propagation(X, p)
fx.put('own.AL', AL)
fx.put('own.cost', compute_cost(AL, Y))
fx.put('own.costL2', compute_cost_with_regularization(AL, Y, p, 0.7))
fx.put_all('own.plain.', backward_propagation(X, Y, cache))
fx.put_all('own.l2.', backward_propagation(X, Y, cache, lambd=0.7))
AL, cache = forward_propagation(X, p, keep_prob=0.7)
fx.put('own.dropout.AL', AL)
for l in (1, 2):
    fx.put('own.dropout.D%d' % l, cache[l - 1][4])
    fx.put('own.dropout.A%d' % l, cache[l - 1][5])
fx.put_all('own.dropout.', backward_propagation(X, Y, cache, keep_prob=0.7))

# the model on the moons
train_X, train_Y = load_moons(300, .2, 1)
test_X, test_Y = load_moons(200, .2, 2)
fx.put('train.X', train_X)
fx.put('train.Y', train_Y)
fx.put('test.X', test_X)
fx.put('test.Y', test_Y)
fx.put_all('init.', initialize_parameters_reg([2, 20, 3, 1]))
for name, lambd, keep_prob in (('plain', 0., 1.), ('l2', 0.7, 1.), ('dropout', 0., 0.86)):
    parameters, _ = model(train_X, train_Y, num_iterations=5, lambd=lambd, keep_prob=keep_prob)
    fx.put_all('steps5.%s.' % name, parameters)
    parameters, costs = model(train_X, train_Y, lambd=lambd, keep_prob=keep_prob)
    train_acc, test_acc = predict(train_X, train_Y, parameters), predict(test_X, test_Y, parameters)
    fx.put('model.%s.costs' % name, np.array(costs))
    fx.put('model.%s.accuracy' % name, np.array([train_acc, test_acc]))
    print('%-7s lambd %.1f keep_prob %.2f: cost %.4f -> %.4f, train %.2f %%, test %.2f %%'
          % (name, lambd, keep_prob, costs[0], costs[-1], 100 * train_acc, 100 * test_acc))

fx.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'RegularizationReference.txt'))
