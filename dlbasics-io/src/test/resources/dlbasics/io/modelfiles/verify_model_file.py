#!/usr/bin/env python3
"""Opens a model file written by dlbasics' ModelFile with numpy alone and prints what it holds as
JSON on stdout; ModelFileInteropTest runs it on files Java just wrote and compares every value.

usage: verify_model_file.py FILE

safetensors files are parsed by hand (struct + json + np.frombuffer) following the format's rules;
.npz files are opened with np.load(allow_pickle=False). The script also checks what a numpy user
relies on: names W1, b1, ..., shapes (n[l], n[l-1]) and (n[l], 1) from layer_sizes, float64, tensors
tiling the data without gaps. It then runs the network's forward pass on a fixed input and prints
the output probabilities. Exit status 0 means every check passed.
"""
import json
import struct
import sys
import zipfile

import numpy as np


def read_safetensors(path):
    with open(path, "rb") as f:
        raw = f.read()
    (n,) = struct.unpack("<Q", raw[:8])
    assert 8 + n <= len(raw), "header length beyond the file"
    header = json.loads(raw[8:8 + n].decode("utf-8"))
    data = raw[8 + n:]
    metadata = header.pop("__metadata__")
    tensors = {}
    end = 0
    for name, info in sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0]):
        assert info["dtype"] == "F64", name + " dtype " + info["dtype"]
        begin, stop = info["data_offsets"]
        assert begin == end, name + " does not start where the previous tensor ended"
        count = int(np.prod(info["shape"], dtype=np.int64))
        assert stop - begin == 8 * count, name + " offsets do not match its shape"
        tensors[name] = np.frombuffer(data, dtype="<f8", count=count, offset=begin).reshape(info["shape"])
        end = stop
    assert end == len(data), "trailing bytes after the tensors"
    return tensors, metadata


def read_npz(path):
    with np.load(path, allow_pickle=False) as z:
        tensors = {k: z[k] for k in z.files if k != "__metadata__"}
        metadata = json.loads(str(z["__metadata__"]))
    for name, a in tensors.items():
        assert a.dtype == np.dtype("<f8"), name + " dtype " + str(a.dtype)
    return tensors, metadata


def main(path):
    kind = "npz" if zipfile.is_zipfile(path) else "safetensors"
    tensors, metadata = read_npz(path) if kind == "npz" else read_safetensors(path)
    assert all(isinstance(v, str) for v in metadata.values()), "metadata values must be strings"
    assert metadata["format"] == "dlbasics-model" and metadata["format_version"] == "1"
    sizes = json.loads(metadata["layer_sizes"])
    L = len(sizes) - 1
    assert sorted(tensors) == sorted(["W%d" % l for l in range(1, L + 1)] + ["b%d" % l for l in range(1, L + 1)])
    for l in range(1, L + 1):
        assert tensors["W%d" % l].shape == (sizes[l], sizes[l - 1]), "W%d shape" % l
        assert tensors["b%d" % l].shape == (sizes[l], 1), "b%d shape" % l

    # forward pass on a fixed input, as the course's L_model_forward does
    hidden = {"relu": lambda z: np.maximum(0, z), "tanh": np.tanh}[metadata["hidden_activation"]]
    A = np.linspace(-1.0, 1.0, sizes[0] * 5).reshape(sizes[0], 5)
    for l in range(1, L + 1):
        Z = np.dot(tensors["W%d" % l], A) + tensors["b%d" % l]
        A = hidden(Z) if l < L else 1 / (1 + np.exp(-Z))

    print(json.dumps({
        "kind": kind,
        "tensors": {k: {"shape": list(v.shape), "values": v.ravel().tolist()} for k, v in tensors.items()},
        "metadata": metadata,
        "probabilities": A.ravel().tolist(),
    }))


if __name__ == "__main__":
    main(sys.argv[1])
