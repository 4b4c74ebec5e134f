"""A regression fixture with raw (unscaled) features and a target in the 10,000s, for the neural family's defaults.

Run with /usr/bin/python3 scripts/reference/neural_defaults_reference.py (scikit-learn 1.2, numpy).
Writes src/core/models/neural/fixtures/house-prices.json: 300 synthetic houses (floor area in square feet,
rooms, age in years; price = 15,000 + 12·area + 4,000·rooms − 150·age + noise with sd 4,000), a 70/30 split,
and for scale the held-out R² of scikit-learn's LinearRegression and of MLPRegressor with its defaults on the
same raw features (no scaling) — the situation the studio's network must survive without a Prepare step.
"""
import json
import os
import warnings

import numpy as np
from sklearn import metrics
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LinearRegression
from sklearn.neural_network import MLPRegressor

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OUT = os.path.join(ROOT, 'src', 'core', 'models', 'neural', 'fixtures', 'house-prices.json')


def main():
    warnings.simplefilter('ignore', ConvergenceWarning)
    rng = np.random.RandomState(7)
    n = 300
    area = rng.uniform(400, 3000, n).round(0)
    rooms = rng.randint(1, 7, n).astype(float)
    age = rng.uniform(0, 100, n).round(1)
    price = (15000 + 12 * area + 4000 * rooms - 150 * age + rng.normal(0, 4000, n)).round(0)
    X = np.column_stack([area, rooms, age])
    order = rng.permutation(n)
    train, test = np.sort(order[:210]), np.sort(order[210:])
    linear = metrics.r2_score(price[test], LinearRegression().fit(X[train], price[train]).predict(X[test]))
    mlp = [metrics.r2_score(price[test], MLPRegressor(random_state=s).fit(X[train], price[train]).predict(X[test])) for s in range(3)]
    data = {'name': 'house-prices', 'rows': n, 'cols': 3, 'featureNames': ['area_sqft', 'rooms', 'age_years'],
            'X': X.ravel().tolist(), 'y': price.tolist(), 'classes': None, 'train': train.tolist(), 'test': test.tolist()}
    reference = {'linearRegressionR2': round(linear, 6), 'mlpRegressorDefaultsR2': [round(v, 6) for v in mlp]}
    print(reference, 'target range', price.min(), price.max())
    with open(OUT, 'w') as f:
        json.dump({'source': 'scikit-learn ' + __import__('sklearn').__version__, 'data': data, 'reference': reference}, f, separators=(',', ':'))
    print('wrote', OUT, os.path.getsize(OUT), 'bytes')


if __name__ == '__main__':
    main()
