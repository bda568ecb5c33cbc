#!/usr/bin/env python3
"""Writes numpy-v1.safetensors and numpy-v1.npz: a dlbasics model file (format version 1) made with
numpy, json and struct only, following the safetensors layout rules by hand. ModelFileInteropTest
loads both in Java and checks every value against the formulas below.

Network [3, 4, 2, 1], relu hidden layers, sigmoid output. Every value is exact in binary:
  W1 = (arange(12).reshape(4, 3) - 5.5) / 8      b1 = [[0.5], [-0.25], [0.125], [1.0]]
  W2 = (arange(8).reshape(2, 4) - 3) / 16        b2 = [[-1.0], [2.0]]
  W3 = [[0.75, -1.5]]                            b3 = [[0.0625]]

Run from this folder: python3 make_numpy_model_files.py
"""
import json
import struct

import numpy as np

params = {
    "W1": (np.arange(12, dtype=np.float64).reshape(4, 3) - 5.5) / 8,
    "b1": np.array([[0.5], [-0.25], [0.125], [1.0]]),
    "W2": (np.arange(8, dtype=np.float64).reshape(2, 4) - 3) / 16,
    "b2": np.array([[-1.0], [2.0]]),
    "W3": np.array([[0.75, -1.5]]),
    "b3": np.array([[0.0625]]),
}

metadata = {
    "format": "dlbasics-model",
    "format_version": "1",
    "layer_sizes": json.dumps([3, 4, 2, 1]),
    "hidden_activation": "relu",
    "output_activation": "sigmoid",
    "input_scale": repr(1 / 255),
    "class_names": json.dumps(["non-cat", "cat"]),
    "training": json.dumps({"learning_rate": 0.01, "iterations": 100, "initializer": "HE",
                            "seed": 3, "cost_every": 50}),
    "costs": json.dumps([0.6931471805599453, 0.5]),
}


def write_safetensors(path):
    # like the reference implementation: tensors sorted by name, data packed in that order,
    # header keys sorted, header padded with spaces to a multiple of 8
    header = {"__metadata__": metadata}
    offset = 0
    names = sorted(params)
    for name in names:
        a = params[name]
        header[name] = {"dtype": "F64", "shape": list(a.shape), "data_offsets": [offset, offset + a.nbytes]}
        offset += a.nbytes
    text = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for name in names:
            f.write(np.ascontiguousarray(params[name], dtype="<f8").tobytes())


def write_npz(path):
    arrays = dict(params)
    arrays["__metadata__"] = np.array(json.dumps(metadata))  # 0-d unicode array
    np.savez(path, **arrays)


if __name__ == "__main__":
    write_safetensors("numpy-v1.safetensors")
    write_npz("numpy-v1.npz")
