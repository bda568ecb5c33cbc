#!/usr/bin/env python3
"""Golden values for InitializationStepsTest: the initialization notebook's three initializers and
its model ([2, 10, 5, 1], learning rate 0.01, cost every 1000 iterations) on its circles
(SecondCourse.load_circles), written to InitializationReference.txt beside this script.

Run:  python3 InitializationReference.py   (numpy 2.4.6; about a minute). It prints the notebook's
results: zeros 0.6931 and 50 % / 50 %; random x 10 first cost inf, 83 % / 86 %; He 99.33 % / 96 %.
"""
import os
import sys
sys.dont_write_bytecode = True

import numpy as np

from SecondCourse import (Fixture, backward_propagation, compute_cost, forward_propagation,
                          initialize_parameters_he, initialize_parameters_random,
                          initialize_parameters_zeros, load_circles, predict, update_parameters)

INITS = {'zeros': initialize_parameters_zeros, 'random': initialize_parameters_random,
         'he': initialize_parameters_he}


def model(X, Y, learning_rate=0.01, num_iterations=15000, initialization='he', notebook_backward=False):
    costs = []
    parameters = INITS[initialization]([X.shape[0], 10, 5, 1])
    for i in range(num_iterations):
        a3, caches = forward_propagation(X, parameters)
        cost = compute_cost(a3, Y)
        grads = init_utils_backward(X, Y, caches) if notebook_backward else backward_propagation(X, Y, caches)
        parameters = update_parameters(parameters, grads, learning_rate)
        if i % 1000 == 0:
            costs.append(cost)
    return parameters, costs


def init_utils_backward(X, Y, caches):
    """init_utils.backward_propagation as the notebook writes it: dz3 = 1/m (a3 - Y) first."""
    m = X.shape[1]
    (a0, W1, b1, z1, _, a1), (_, W2, b2, z2, _, a2), (_, W3, b3, z3, _, a3) = caches
    dz3 = 1. / m * (a3 - Y)
    dW3 = np.dot(dz3, a2.T)
    db3 = np.sum(dz3, axis=1, keepdims=True)
    da2 = np.dot(W3.T, dz3)
    dz2 = np.multiply(da2, np.int64(a2 > 0))
    dW2 = np.dot(dz2, a1.T)
    db2 = np.sum(dz2, axis=1, keepdims=True)
    da1 = np.dot(W2.T, dz2)
    dz1 = np.multiply(da1, np.int64(a1 > 0))
    dW1 = np.dot(dz1, X.T)
    db1 = np.sum(dz1, axis=1, keepdims=True)
    return {'dW1': dW1, 'db1': db1, 'dW2': dW2, 'db2': db2, 'dW3': dW3, 'db3': db3}


fx = Fixture()
train_X, train_Y, test_X, test_Y = load_circles()
fx.put('train.X', train_X)
fx.put('train.Y', train_Y)
fx.put('test.X', test_X)
fx.put('test.Y', test_Y)

for name, init in INITS.items():
    fx.put_all('init.%s.' % name, init([3, 2, 1]))
    fx.put_all('initNotebook.%s.' % name, init([2, 10, 5, 1]))
    # a few steps, compared at 1e-12
    parameters, _ = model(train_X, train_Y, num_iterations=5, initialization=name)
    fx.put_all('steps5.%s.' % name, parameters)
    # the notebook's run
    parameters, costs = model(train_X, train_Y, initialization=name)
    train_acc, test_acc = predict(train_X, train_Y, parameters), predict(test_X, test_Y, parameters)
    fx.put('model.%s.costs' % name, np.array(costs))
    fx.put('model.%s.accuracy' % name, np.array([train_acc, test_acc]))
    nb = model(train_X, train_Y, initialization=name, notebook_backward=True)[0]
    print('%-6s first cost %s, cost after 14000 %.4f, train %.2f %%, test %.2f %% '
          '(init_utils backward: %.2f %% / %.2f %%)'
          % (name, costs[0], costs[-1], 100 * train_acc, 100 * test_acc,
             100 * predict(train_X, train_Y, nb), 100 * predict(test_X, test_Y, nb)))

fx.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'InitializationReference.txt'))
