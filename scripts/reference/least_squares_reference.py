"""Reference values from scikit-learn's LinearRegression on rank-deficient designs (src/core/models/classic).

Run with /usr/bin/python3 scripts/reference/least_squares_reference.py (scikit-learn 1.2, numpy).
Writes src/core/models/classic/fixtures/rank-deficient.json: per case the row-major feature matrix (rounded to
6 decimals before fitting), the target, optional sample weights, and sklearn's coef_, intercept_ and rank_.
sklearn centres X and y (weighted means with sample_weight, rows then scaled by sqrt(weight)) and calls
scipy.linalg.lstsq, which returns the minimum-norm solution when the centred design is rank-deficient.
The cases: a full one-hot (every dummy, so with the intercept they are collinear), a constant column (as a
scale step leaves a column with no spread), exact duplicates, and a column that is exactly the sum of two others.
"""
import json
import os

import numpy as np
from sklearn.linear_model import LinearRegression

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OUT = os.path.join(ROOT, 'src', 'core', 'models', 'classic', 'fixtures', 'rank-deficient.json')


def make_cases():
    rng = np.random.RandomState(11)
    n = 40
    x1 = rng.normal(5, 2, n).round(6)
    x2 = rng.uniform(-1, 1, n).round(6)
    group = rng.randint(0, 3, n)
    dummies = np.eye(3)[group]
    noise = rng.normal(0, 0.3, n)
    y = (1.5 * x1 - 2 * x2 + np.array([3.0, -1.0, 0.5])[group] + noise).round(6)
    weights = rng.uniform(0.5, 2, n).round(6)
    u, v = np.round(x1 * 1024) / 1024, np.round(x2 * 1024) / 1024
    return [
        ('one-hot', ['x1', 'x2', 'g=a', 'g=b', 'g=c'], np.column_stack([x1, x2, dummies]), None, 4),
        ('one-hot-weighted', ['x1', 'x2', 'g=a', 'g=b', 'g=c'], np.column_stack([x1, x2, dummies]), weights, 4),
        ('constant', ['x1', 'flat', 'x2'], np.column_stack([x1, np.full(n, 0.0), x2]), None, 2),
        ('duplicates', ['x1', 'x1 copy', 'x2', 'x2 copy'], np.column_stack([x1, x1, x2, x2]), None, 2),
        # Multiples of 1/1024 add up exactly in binary, so the third column is exactly the sum of the others.
        ('sum', ['u', 'v', 'u+v'], np.column_stack([u, v, u + v]), None, 2),
    ], y


def main():
    cases, y = make_cases()
    out = []
    for name, feature_names, X, weights, rank in cases:
        model = LinearRegression().fit(X, y, sample_weight=weights)
        assert model.rank_ == rank, (name, model.rank_)
        out.append({'name': name, 'rows': int(X.shape[0]), 'cols': int(X.shape[1]), 'featureNames': feature_names,
                    'X': X.ravel().tolist(), 'y': y.tolist(), 'weights': None if weights is None else weights.tolist(),
                    'coefficients': model.coef_.tolist(), 'intercept': float(model.intercept_), 'rank': int(model.rank_)})
        print(name, 'rank', model.rank_, np.round(model.coef_, 6), round(float(model.intercept_), 6))
    with open(OUT, 'w') as f:
        json.dump({'source': 'scikit-learn ' + __import__('sklearn').__version__ + ' LinearRegression (scipy.linalg.lstsq)', 'cases': out}, f, separators=(',', ':'))
    print('wrote', OUT, os.path.getsize(OUT), 'bytes')


if __name__ == '__main__':
    main()
