#!/usr/bin/env python3
"""The course's deep-network application notebook, in numpy, on the cat images.

Writes the fixtures read by TwoLayerCatIT and LLayerCatIT (beside this script):
  DeepNetworkCatTwoLayer.txt  two_layer_model((12288, 7, 1), learning_rate=0.0075, num_iterations=2500)
  DeepNetworkCatLLayer.txt    L_layer_model([12288, 20, 7, 5, 1], learning_rate=0.0075, num_iterations=2500)
Each holds "cost <iteration> <value>" for iterations 0, 100, ..., 2400 (printed with repr, 17
significant digits) and "train_accuracy"/"test_accuracy" as predict() computes them.

The course's functions (two_layer_model, L_layer_model, predict, ...) come from
dlbasics-core/src/test/resources/dlbasics/course/DeepNetworkCourse.py. Run from anywhere:
  python3 DeepNetworkCatReference.py [path/to/shared/datasets]
Only numpy is needed: the two HDF5 files are read by the small reader below (h5py is not installed
here). The data checks: the first five values of the first training image are 17 31 56 22 33, and 72
of the 209 training images are cats.
"""
import os
import struct
import sys
sys.dont_write_bytecode = True  # no __pycache__ beside the fixtures

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, *(['..'] * 6))  # the repository
sys.path.insert(0, os.path.join(ROOT, 'dlbasics-core', 'src', 'test', 'resources', 'dlbasics', 'course'))
from DeepNetworkCourse import L_layer_model, predict, two_layer_model  # noqa: E402


# ---------------------------------------------------------------- a small HDF5 reader
def read_h5(path):
    """The root group's datasets of a small HDF5 file (superblock 0, version 1 object headers,
    contiguous layout), as h5py wrote the course's files. Returns {name: ndarray}."""
    buf = open(path, 'rb').read()
    assert buf[:8] == b'\x89HDF\r\n\x1a\n' and buf[8] == 0, 'only superblock version 0'
    root = 56  # the root group's symbol table entry follows 24 bytes of header and 4 addresses
    btree, heap = struct.unpack_from('<QQ', buf, root + 24)  # its scratch pad: B-tree and local heap
    assert buf[heap:heap + 4] == b'HEAP' and buf[btree:btree + 4] == b'TREE'
    names = struct.unpack_from('<Q', buf, heap + 24)[0]
    out = {}
    for k in range(struct.unpack_from('<H', buf, btree + 6)[0]):
        node = struct.unpack_from('<Q', buf, btree + 32 + k * 16)[0]
        assert buf[node:node + 4] == b'SNOD'
        for s in range(struct.unpack_from('<H', buf, node + 6)[0]):
            name, header = struct.unpack_from('<QQ', buf, node + 8 + s * 40)
            end = buf.index(b'\0', names + name)
            out[buf[names + name:end].decode()] = read_dataset(buf, header)
    return out


def read_dataset(buf, at):
    p = at + 16
    shape = dtype = addr = None
    for _ in range(struct.unpack_from('<H', buf, at + 2)[0]):
        mtype, size = struct.unpack_from('<HH', buf, p)
        d = p + 8
        if mtype == 1:  # dataspace
            shape = struct.unpack_from('<%dQ' % buf[d + 1], buf, d + 8)
        elif mtype == 3:  # datatype: fixed-point or string
            cls, flags, nbytes = buf[d] & 0x0f, buf[d + 1], struct.unpack_from('<I', buf, d + 4)[0]
            if cls == 0:
                dtype = np.dtype(('>' if flags & 1 else '<') + ('i' if flags & 8 else 'u') + str(nbytes))
            elif cls == 3:
                dtype = np.dtype('S%d' % nbytes)
            else:
                raise ValueError('unsupported datatype class %d' % cls)
        elif mtype == 8:  # data layout version 3, contiguous
            assert buf[d] == 3 and buf[d + 1] == 1, 'only contiguous layout'
            addr = struct.unpack_from('<Q', buf, d + 2)[0]
        p = d + size
    return np.frombuffer(buf, dtype=dtype, count=int(np.prod(shape)), offset=addr).reshape(shape)


def load_data(folder):
    train = read_h5(os.path.join(folder, 'train_catvnoncat.h5'))
    test = read_h5(os.path.join(folder, 'test_catvnoncat.h5'))
    train_x = train['train_set_x'].reshape(209, -1).T / 255.
    test_x = test['test_set_x'].reshape(50, -1).T / 255.
    return train_x, train['train_set_y'].reshape(1, -1), test_x, test['test_set_y'].reshape(1, -1)


def write(path, title, costs, train_accuracy, test_accuracy):
    with open(path, 'w') as f:
        f.write('# %s; written by DeepNetworkCatReference.py (numpy %s)\n' % (title, np.__version__))
        for i, c in costs:
            f.write('cost %d %r\n' % (i, c))
        f.write('train_accuracy %r\n' % train_accuracy)
        f.write('test_accuracy %r\n' % test_accuracy)


if __name__ == '__main__':
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'datasets')
    train_x, train_y, test_x, test_y = load_data(folder)
    assert list((train_x[:5, 0] * 255).round()) == [17, 31, 56, 22, 33] and train_y.sum() == 72
    runs = [('two_layer_model((12288, 7, 1), learning_rate=0.0075, num_iterations=2500)', 'DeepNetworkCatTwoLayer.txt',
             lambda: two_layer_model(train_x, train_y, (12288, 7, 1), 0.0075, 2500)),
            ('L_layer_model([12288, 20, 7, 5, 1], learning_rate=0.0075, num_iterations=2500)', 'DeepNetworkCatLLayer.txt',
             lambda: L_layer_model(train_x, train_y, [12288, 20, 7, 5, 1], 0.0075, 2500))]
    for title, name, run in runs:
        parameters, costs = run()
        train_acc, test_acc = predict(train_x, train_y, parameters), predict(test_x, test_y, parameters)
        write(os.path.join(HERE, name), title, costs, train_acc, test_acc)
        print(title)
        for i, c in costs:
            print('  Cost after iteration %d: %r' % (i, c))
        print('  train accuracy %r, test accuracy %r' % (train_acc, test_acc))
