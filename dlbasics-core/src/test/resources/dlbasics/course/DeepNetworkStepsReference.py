#!/usr/bin/env python3
"""Golden values for DeepNetworkStepsTest: the course's functions (DeepNetworkCourse.py, beside this
script) on the step-by-step notebook's seeded test cases, plus two small seeded training runs.

Writes DeepNetworkSteps.golden.txt beside this script: one matrix a line,
  <name> <rows> <cols> <values in C order, repr (17 significant digits)>
Run:  python3 DeepNetworkStepsReference.py
"""
import os
import sys
sys.dont_write_bytecode = True  # no __pycache__ beside the fixtures

import numpy as np

from DeepNetworkCourse import (L_layer_model, L_model_backward, L_model_forward, compute_cost,
                               initialize_parameters, initialize_parameters_deep,
                               initialize_parameters_deep_step_by_step, linear_activation_backward,
                               linear_activation_forward, linear_backward, linear_forward, predict,
                               relu_backward, sigmoid_backward, two_layer_model, update_parameters)

out = []


def put(name, value):
    a = np.atleast_2d(np.asarray(value, dtype=float))
    out.append('%s %d %d %s' % (name, a.shape[0], a.shape[1], ' '.join(repr(float(v)) for v in a.reshape(-1))))


def put_all(prefix, d):
    for k, v in d.items():
        put(prefix + k, v)


# initialize_parameters(3, 2, 1): seed 1, randn * 0.01
put_all('init2.', initialize_parameters(3, 2, 1))
# the step-by-step initialize_parameters_deep([5, 4, 3]): seed 3, randn * 0.01
put_all('initDeep.', initialize_parameters_deep_step_by_step([5, 4, 3]))
# the application's initialize_parameters_deep([5, 4, 3]): seed 1, randn / sqrt(n[l-1])
put_all('initApp.', initialize_parameters_deep([5, 4, 3]))

# linear_forward_test_case
np.random.seed(1)
A, W, b = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
put('linearForward.A', A); put('linearForward.W', W); put('linearForward.b', b)
put('linearForward.Z', linear_forward(A, W, b)[0])

# linear_activation_forward_test_case
np.random.seed(2)
A_prev, W, b = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1)
put('activationForward.APrev', A_prev); put('activationForward.W', W); put('activationForward.b', b)
put('activationForward.sigmoid', linear_activation_forward(A_prev, W, b, "sigmoid")[0])
put('activationForward.relu', linear_activation_forward(A_prev, W, b, "relu")[0])

# L_model_forward_test_case_2hidden
np.random.seed(6)
X = np.random.randn(5, 4)
params = {}
for l, (r, c) in enumerate([(4, 5), (3, 4), (1, 3)], start=1):
    params['W%d' % l] = np.random.randn(r, c)
    params['b%d' % l] = np.random.randn(r, 1)
put('modelForward.X', X); put_all('modelForward.', params)
AL, caches = L_model_forward(X, params)
put('modelForward.AL', AL)

# compute_cost_test_case
put('cost.Y', [[1, 1, 0]]); put('cost.AL', [[.8, .9, 0.4]])
put('cost.cost', compute_cost(np.array([[.8, .9, 0.4]]), np.asarray([[1, 1, 0]])))

# linear_backward_test_case
np.random.seed(1)
dZ, A, W, b = np.random.randn(3, 4), np.random.randn(5, 4), np.random.randn(3, 5), np.random.randn(3, 1)
put('linearBackward.dZ', dZ); put('linearBackward.A', A); put('linearBackward.W', W); put('linearBackward.b', b)
for name, v in zip(('dAPrev', 'dW', 'db'), linear_backward(dZ, (A, W, b))):
    put('linearBackward.' + name, v)

# relu_backward and sigmoid_backward on seeded inputs
np.random.seed(4)
dA, Z = np.random.randn(3, 4), np.random.randn(3, 4)
put('activationBackward.dA', dA); put('activationBackward.Z', Z)
put('activationBackward.relu', relu_backward(dA, Z))
put('activationBackward.sigmoid', sigmoid_backward(dA, Z))

# linear_activation_backward_test_case
np.random.seed(2)
dA, A, W, b, Z = (np.random.randn(1, 2), np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1),
                  np.random.randn(1, 2))
for name, v in (('dA', dA), ('A', A), ('W', W), ('b', b), ('Z', Z)):
    put('layerBackward.' + name, v)
for activation in ('sigmoid', 'relu'):
    for name, v in zip(('dAPrev', 'dW', 'db'), linear_activation_backward(dA, ((A, W, b), Z), activation)):
        put('layerBackward.%s.%s' % (activation, name), v)

# L_model_backward_test_case
np.random.seed(3)
AL, Y = np.random.randn(1, 2), np.array([[1, 0]])
A1, W1, b1, Z1 = np.random.randn(4, 2), np.random.randn(3, 4), np.random.randn(3, 1), np.random.randn(3, 2)
A2, W2, b2, Z2 = np.random.randn(3, 2), np.random.randn(1, 3), np.random.randn(1, 1), np.random.randn(1, 2)
for name, v in (('AL', AL), ('Y', Y), ('A1', A1), ('W1', W1), ('b1', b1), ('Z1', Z1),
                ('A2', A2), ('W2', W2), ('b2', b2), ('Z2', Z2)):
    put('modelBackward.' + name, v)
grads = L_model_backward(AL, Y, (((A1, W1, b1), Z1), ((A2, W2, b2), Z2)))
out.append('modelBackward.order ' + ' '.join(grads.keys()))
put_all('modelBackward.', grads)

# update_parameters_test_case
np.random.seed(2)
params = {'W1': np.random.randn(3, 4), 'b1': np.random.randn(3, 1), 'W2': np.random.randn(1, 3),
          'b2': np.random.randn(1, 1)}
grads = {'dW1': np.random.randn(3, 4), 'db1': np.random.randn(3, 1), 'dW2': np.random.randn(1, 3),
         'db2': np.random.randn(1, 1)}
put_all('update.', params); put_all('update.', grads)
put_all('update.new.', update_parameters(dict(params), grads, 0.1))

# small seeded training runs: the models' loops on generated data
np.random.seed(5)
X = np.random.randn(4, 12)
Y = (np.random.randn(1, 12) > 0).astype(float)
put('train.X', X); put('train.Y', Y)
params, costs = two_layer_model(X, Y, (4, 3, 1), 0.5, 300)
put('train.twoLayer.costs', [c for _, c in costs]); put_all('train.twoLayer.', params)
put('train.twoLayer.accuracy', predict(X, Y, params))
params, costs = L_layer_model(X, Y, [4, 5, 3, 1], 0.3, 500)
put('train.lLayer.costs', [c for _, c in costs]); put_all('train.lLayer.', params)
put('train.lLayer.accuracy', predict(X, Y, params))

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, 'DeepNetworkSteps.golden.txt'), 'w') as f:
    f.write('# written by DeepNetworkStepsReference.py (numpy %s)\n' % np.__version__)
    f.write('\n'.join(out) + '\n')
print('\n'.join(line[:150] for line in out))
