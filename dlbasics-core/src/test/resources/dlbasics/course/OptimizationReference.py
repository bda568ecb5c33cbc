#!/usr/bin/env python3
"""Golden values for OptimizationStepsTest and OptimizationModelIT: the optimization notebook's
update rules, mini-batches and learning-rate decay (SecondCourse.py) on seeded cases, and its model
([2, 5, 2, 1], He-style init with seed 3, mini-batches of 64, seed 10 incremented before each epoch's
shuffle) on its moons (make_moons(300, noise=.2) after seed 3), written to OptimizationReference.txt.

Run:  python3 OptimizationReference.py   (numpy 2.4.6; a few minutes). It prints the notebook's
results for 5000 epochs: gradient descent 71.67 %, momentum 71.67 %, Adam 94.33 %.
"""
import os
import sys
sys.dont_write_bytecode = True

import numpy as np

from SecondCourse import (Fixture, backward_propagation, cost_sum, forward_propagation,
                          initialize_adam, initialize_parameters_he, initialize_velocity, load_moons,
                          predict, random_mini_batches, schedule_lr_decay, update_lr,
                          update_parameters_with_adam, update_parameters_with_gd,
                          update_parameters_with_momentum)


def model(X, Y, layers_dims, optimizer, learning_rate=0.0007, mini_batch_size=64, beta=0.9,
          beta1=0.9, beta2=0.999, epsilon=1e-8, num_epochs=5000, decay=None, decay_rate=1):
    """The notebook's model; the cost of an epoch is the sum over its mini-batches divided by m."""
    costs = []
    t = 0
    seed = 10
    m = X.shape[1]
    learning_rate0 = learning_rate
    parameters = initialize_parameters_he(layers_dims)
    if optimizer == 'momentum':
        v = initialize_velocity(parameters)
    elif optimizer == 'adam':
        v, s = initialize_adam(parameters)
    for i in range(num_epochs):
        seed = seed + 1
        minibatches = random_mini_batches(X, Y, mini_batch_size, seed)
        cost_total = 0
        for minibatch_X, minibatch_Y in minibatches:
            a3, caches = forward_propagation(minibatch_X, parameters)
            cost_total += cost_sum(a3, minibatch_Y)
            grads = backward_propagation(minibatch_X, minibatch_Y, caches)
            if optimizer == 'gd':
                parameters = update_parameters_with_gd(parameters, grads, learning_rate)
            elif optimizer == 'momentum':
                parameters, v = update_parameters_with_momentum(parameters, grads, v, beta, learning_rate)
            elif optimizer == 'adam':
                t = t + 1
                parameters, v, s, _, _ = update_parameters_with_adam(parameters, grads, v, s, t, learning_rate,
                                                                     beta1, beta2, epsilon)
        cost_avg = cost_total / m
        if decay:
            learning_rate = decay(learning_rate0, i, decay_rate)
        if i % 100 == 0:
            costs.append(cost_avg)
    return parameters, costs


def random_case(seed, shapes):
    """Parameters and three rounds of gradients drawn by randn after np.random.seed(seed)."""
    np.random.seed(seed)
    p = {}
    for l, (r, c) in enumerate(shapes, start=1):
        p['W%d' % l] = np.random.randn(r, c)
        p['b%d' % l] = np.random.randn(r, 1)
    rounds = []
    for _ in range(3):
        g = {}
        for l, (r, c) in enumerate(shapes, start=1):
            g['dW%d' % l] = np.random.randn(r, c)
            g['db%d' % l] = np.random.randn(r, 1)
        rounds.append(g)
    return p, rounds


fx = Fixture()
SHAPES = [(2, 3), (3, 2), (1, 3)]
p, rounds = random_case(1, SHAPES)
fx.put_all('case.', p)
for k, g in enumerate(rounds):
    fx.put_all('case.grads%d.' % k, g)

# gradient descent: three updates, learning rate 0.01
q = p
for k, g in enumerate(rounds):
    q = update_parameters_with_gd(q, g, 0.01)
    fx.put_all('gd%d.' % k, q)

# momentum: beta 0.9, learning rate 0.01, three updates
q, v = p, initialize_velocity(p)
for k, g in enumerate(rounds):
    q, v = update_parameters_with_momentum(q, g, v, 0.9, 0.01)
    fx.put_all('momentum%d.' % k, q)
    fx.put_all('momentum%d.v.' % k, v)

# Adam: t = 1, 2, 3, learning rate 0.01, beta1 0.9, beta2 0.999, epsilon 1e-8
q, (v, s) = p, initialize_adam(p)
for k, g in enumerate(rounds):
    q, v, s, vc, sc = update_parameters_with_adam(q, g, v, s, k + 1, 0.01, 0.9, 0.999, 1e-8)
    fx.put_all('adam%d.' % k, q)
    fx.put_all('adam%d.v.' % k, v)
    fx.put_all('adam%d.s.' % k, s)
    fx.put_all('adam%d.vCorrected.' % k, vc)
    fx.put_all('adam%d.sCorrected.' % k, sc)

# mini-batches: m = 148 in batches of 64 (64, 64, 20) with seed 0, and m = 128 (64, 64) with seed 5
for name, m, size, seed in (('batches148', 148, 64, 0), ('batches128', 128, 64, 5), ('batches7', 7, 3, 2)):
    np.random.seed(1)
    X = np.random.randn(3, m)
    Y = (np.random.rand(1, m) < 0.5).astype(float)
    fx.put(name + '.X', X)
    fx.put(name + '.Y', Y)
    for k, (bx, by) in enumerate(random_mini_batches(X, Y, size, seed)):
        fx.put('%s.%d.X' % (name, k), bx)
        fx.put('%s.%d.Y' % (name, k), by)

# learning-rate decay
fx.put('updateLr', np.array([update_lr(0.5, e, d) for e, d in ((0, 1), (2, 1), (10, 0.3), (4999, 1))]))
fx.put('scheduleLrDecay', np.array([schedule_lr_decay(0.5, e, d) for e, d in ((0, 1), (999, 1), (1000, 1), (4999, 0.3))]))
fx.put('scheduleLrDecay100', np.array([schedule_lr_decay(0.5, e, 1, 100) for e in (99, 100, 250)]))

# the model on the moons
train_X, train_Y = load_moons()
fx.put('train.X', train_X)
fx.put('train.Y', train_Y)
dims = [train_X.shape[0], 5, 2, 1]
for optimizer in ('gd', 'momentum', 'adam'):
    parameters, costs = model(train_X, train_Y, dims, optimizer, num_epochs=3)
    fx.put_all('epochs3.%s.' % optimizer, parameters)
    fx.put('epochs3.%s.costs' % optimizer, np.array(costs))

RUNS = (('gd', 'gd', 0.0007, None), ('momentum', 'momentum', 0.0007, None), ('adam', 'adam', 0.0007, None),
        ('gdDecay', 'gd', 0.1, schedule_lr_decay), ('momentumDecay', 'momentum', 0.1, schedule_lr_decay),
        ('adamDecay', 'adam', 0.01, schedule_lr_decay))
for name, optimizer, lr, decay in RUNS:
    parameters, costs = model(train_X, train_Y, dims, optimizer, learning_rate=lr, num_epochs=5000, decay=decay)
    accuracy = predict(train_X, train_Y, parameters)
    fx.put('model.%s.costs' % name, np.array(costs))
    fx.put('model.%s.accuracy' % name, accuracy)
    print('%-14s lr %-6s %s: cost after epoch 0 %.6f, 4900 %.6f; accuracy %.2f %%'
          % (name, lr, 'schedule_lr_decay' if decay else 'no decay', costs[0], costs[-1], 100 * accuracy))
    sys.stdout.flush()

fx.write(os.path.join(os.path.dirname(os.path.abspath(__file__)), 'OptimizationReference.txt'))
