#!/usr/bin/env python3
"""Files written by NumPy itself for the import tests (issue 17): every dtype, shape and .npy header version the app
reads, the .npz layouts, and one file per way a file can be bad. The tests read the committed files; the build does
not need Python. Expected numbers are in expected.json (the same arrays, as JSON).

Run:  python3 src/test/resources/import/make_import_files.py
"""
import io
import json
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.RandomState(17)
Z = np.round(rng.randn(5, 4) * 2, 6)
Y = np.array([0, 3, 1, 2, 3])
P = rng.rand(5, 4)
P = P / P.sum(1, keepdims=True)


def path(name):
    return os.path.join(HERE, name)


def save(name, array, version=None):
    with open(path(name), "wb") as f:
        np.lib.format.write_array(f, array, version=version, allow_pickle=True)


expected = {"logits": Z.tolist(), "targets": Y.tolist(), "probability_targets": P.tolist(),
            "logits_float32": Z.astype(np.float32).astype(np.float64).tolist()}
save("logits_f8_v1.npy", Z, (1, 0))
save("logits_f8_v2.npy", Z, (2, 0))
save("logits_f8_v3.npy", Z, (3, 0))
save("logits_f4_v1.npy", Z.astype(np.float32), (1, 0))
save("logits_f4_v2.npy", Z.astype(np.float32), (2, 0))
save("logits_1d_f8.npy", Z[0], (1, 0))
save("logits_1d_f4.npy", Z[0].astype(np.float32), (1, 0))
save("targets_i8.npy", Y.astype(np.int64))
save("targets_i4.npy", Y.astype(np.int32))
save("targets_u1.npy", Y.astype(np.uint8))
save("targets_probabilities.npy", P)
# One sample as 1-D arrays (issue 35): Z[0] with its probability row, or with a 0-d class index.
save("target_1d_probabilities.npy", P[0])
save("target_0d_index.npy", np.array(Y[0]))
save("bad_target_1d_whole_numbers.npy", np.eye(4, dtype=np.int64)[Y[0]])
np.savez(path("batch.npz"), logits=Z, targets=Y)
np.savez_compressed(path("batch_compressed.npz"), logits=Z.astype(np.float32), targets=P)
np.savez(path("logits_only.npz"), logits=Z)
np.savez(path("no_logits.npz"), scores=Z)
with open(path("batch.csv"), "w") as f:
    f.write("z0,z1,z2,z3,target\n")
    for row, y in zip(Z, Y):
        f.write(",".join(repr(float(v)) for v in row) + "," + str(y) + "\n")
with open(path("batch.tsv"), "w") as f:
    f.write("label\tcat\tdog\tbird\tfish\n")
    for row, y in zip(Z, Y):
        f.write(str(y) + "\t" + "\t".join(repr(float(v)) for v in row) + "\n")
with open(path("logits_no_header.csv"), "w") as f:
    for row in Z:
        f.write(",".join(repr(float(v)) for v in row) + "\n")
with open(path("targets.csv"), "w") as f:
    f.write("target\n" + "\n".join(str(y) for y in Y) + "\n")

# Bad files: each must be refused with a message naming the problem, the state untouched.
save("bad_big_endian.npy", Z.astype(">f8"))
save("bad_fortran.npy", np.asfortranarray(Z))
save("bad_object.npy", np.array([[1.0, "a"], [2.0, None]], dtype=object))
save("bad_complex.npy", Z.astype(np.complex128))
save("bad_3d.npy", np.zeros((2, 3, 4)))
save("bad_too_many_samples.npy", np.zeros((10001, 2)))
save("bad_too_many_classes.npy", np.zeros((2, 1001)))
save("bad_nan.npy", np.array([[1.0, np.nan], [0.0, 1.0]]))
with open(path("bad_truncated.npy"), "wb") as f:
    buf = io.BytesIO()
    np.save(buf, Z)
    f.write(buf.getvalue()[:-8])
with open(path("bad_ragged.csv"), "w") as f:
    f.write("1.0,2.0,3.0\n4.0,5.0\n")
with open(path("bad_cell.csv"), "w") as f:
    f.write("a,b,c\n1.0,2.0,3.0\n4.0,five,6.0\n")
with open(path("bad_not_numpy.npy"), "w") as f:
    f.write("this is not numpy\n")
# A dataset for the Explorer's dataset view: 500 samples of 10 classes (float32), and their targets.
big = np.random.RandomState(500)
save("logits_500x10.npy", (big.randn(500, 10) * 2).astype(np.float32))
np.savez(path("dataset_500x10.npz"), logits=np.load(path("logits_500x10.npy")), targets=big.randint(0, 10, 500))

with open(path("expected.json"), "w") as f:
    json.dump(expected, f, indent=1)
print("wrote the import files with numpy", np.__version__)
