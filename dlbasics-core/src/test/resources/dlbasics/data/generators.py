"""Writes generators.txt, the golden points for GeneratorsTest.

scikit-learn is not installed here, so its generators are re-typed below from scikit-learn 1.x
(sklearn/datasets/_samples_generator.py: make_circles, make_moons, make_blobs, make_gaussian_quantiles
and sklearn.utils.shuffle) using only numpy's legacy RandomState, the same calls in the same order.
Spirals, XOR and no-structure follow the javadoc of the Java classes.

Run: python3 generators.py > generators.txt   (numpy 2.4)
Each block: a header line "name m seed", then x, y and label rows of m values each.
"""
import numpy as np


def sk_shuffle(X, y, rs):
    # sklearn.utils.resample(replace=False): indices = arange(n); random_state.shuffle(indices)
    indices = np.arange(X.shape[0])
    rs.shuffle(indices)
    return X[indices], y[indices]


def make_circles(n_samples, factor, noise, rs):
    n_out = n_samples // 2
    n_in = n_samples - n_out
    lin_out = np.linspace(0, 2 * np.pi, n_out, endpoint=False)
    lin_in = np.linspace(0, 2 * np.pi, n_in, endpoint=False)
    X = np.vstack([np.append(np.cos(lin_out), np.cos(lin_in) * factor),
                   np.append(np.sin(lin_out), np.sin(lin_in) * factor)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    X, y = sk_shuffle(X, y, rs)
    X += rs.normal(scale=noise, size=X.shape)
    return X, y


def make_moons(n_samples, noise, rs):
    n_out = n_samples // 2
    n_in = n_samples - n_out
    X = np.vstack([np.append(np.cos(np.linspace(0, np.pi, n_out)), 1 - np.cos(np.linspace(0, np.pi, n_in))),
                   np.append(np.sin(np.linspace(0, np.pi, n_out)), 1 - np.sin(np.linspace(0, np.pi, n_in)) - .5)]).T
    y = np.hstack([np.zeros(n_out, dtype=np.intp), np.ones(n_in, dtype=np.intp)])
    X, y = sk_shuffle(X, y, rs)
    X += rs.normal(scale=noise, size=X.shape)
    return X, y


def make_blobs(n_samples, centers, std, rs):
    C = rs.uniform(-10.0, 10.0, size=(centers, 2))
    per = [n_samples // centers] * centers
    for i in range(n_samples % centers):
        per[i] += 1
    X = np.empty((n_samples, 2))
    y = np.empty((n_samples,), dtype=int)
    start = 0
    for i, n in enumerate(per):
        X[start:start + n] = rs.normal(loc=C[i], scale=std, size=(n, 2))
        y[start:start + n] = i
        start += n
    X, y = sk_shuffle(X, y, rs)
    return X, y % 2  # the notebook's Y = Y % 2


def make_gaussian_quantiles(n_samples, cov, rs):
    mean = np.zeros(2)
    X = rs.multivariate_normal(mean, cov * np.identity(2), (n_samples,))
    idx = np.argsort(np.sum((X - mean[np.newaxis, :]) ** 2, axis=1))
    X = X[idx, :]
    step = n_samples // 2
    y = np.hstack([np.repeat(np.arange(2), step), np.repeat(1, n_samples - step * 2)])
    X, y = sk_shuffle(X, y, rs)
    return X, y


def no_structure(m, rs):
    X = rs.rand(m, 2)
    y = rs.randint(0, 2, m)
    return X, y


def spirals(m, noise, rs):
    xs, ys, ls = [], [], []
    for j in range(2):
        n = m - m // 2 if j == 0 else m // 2
        s = np.linspace(0.05, 1.0, n)
        t = j * np.pi + 3 * np.pi * s + noise * rs.randn(n)
        r = 4.0 * s
        xs.append(r * np.sin(t)); ys.append(r * np.cos(t)); ls.append(np.full(n, j))
    return np.vstack([np.concatenate(xs), np.concatenate(ys)]).T, np.concatenate(ls)


def xor(m, noise, rs):
    X = rs.uniform(-1.0, 1.0, size=(m, 2))
    y = ((X[:, 0] > 0) != (X[:, 1] > 0)).astype(int)
    if noise > 0:
        X = X + rs.normal(scale=noise, size=X.shape)
    return X, y


CASES = [
    ("circles", 200, 0, lambda rs: make_circles(200, .5, .3, rs)),
    ("moons", 200, 0, lambda rs: make_moons(200, .2, rs)),
    ("blobs", 200, 5, lambda rs: make_blobs(200, 6, 1.0, rs)),
    ("quantiles", 200, 0, lambda rs: make_gaussian_quantiles(200, .5, rs)),
    ("no-structure", 200, 0, lambda rs: no_structure(200, rs)),
    ("spirals", 200, 0, lambda rs: spirals(200, .2, rs)),
    ("xor", 200, 0, lambda rs: xor(200, .1, rs)),
    ("circles", 13, 42, lambda rs: make_circles(13, .5, .3, rs)),
    ("moons", 13, 42, lambda rs: make_moons(13, .2, rs)),
    ("blobs", 13, 42, lambda rs: make_blobs(13, 6, 1.0, rs)),
    ("quantiles", 13, 42, lambda rs: make_gaussian_quantiles(13, .5, rs)),
    ("no-structure", 13, 42, lambda rs: no_structure(13, rs)),
    ("spirals", 13, 42, lambda rs: spirals(13, .2, rs)),
    ("xor", 13, 42, lambda rs: xor(13, .1, rs)),
]

for name, m, seed, make in CASES:
    X, y = make(np.random.RandomState(seed))
    print(name, m, seed)
    print(" ".join(repr(float(v)) for v in X[:, 0]))
    print(" ".join(repr(float(v)) for v in X[:, 1]))
    print(" ".join(str(int(v)) for v in y))
