"""Reference values from scikit-learn 1.2 for kNN on data full of ties (src/core/models/classic/knn-ties.test.ts).

Run with /usr/bin/python3 scripts/reference/knn_reference.py. Writes src/core/models/classic/fixtures/knn-ties.json.

Two seeded datasets of small whole numbers, so many training rows sit at exactly the same distance from a query
and some rows are exact duplicates: 'grid3' (3 features in 0..7, KNeighbors* algorithm='auto' picks the k-d tree)
and 'grid20' (20 features in 0..2, 'auto' picks brute force). Distances are sums of small integers, exact on
every path. Per case: the k nearest distances of every query (sorted, so they do not depend on how ties are broken;
stored squared for Euclidean, all whole numbers), and the predictions (class probabilities to 13 decimals) of
KNeighborsClassifier / KNeighborsRegressor with algorithm='auto' for the queries whose k-th and (k + 1)-th
distances differ, null for the others: only there is the neighbour set, and so the prediction, free of
tie-breaking (scikit-learn breaks ties by heap order, which differs between its tree and its brute force).
"""
import json
import os

import numpy as np
from sklearn.neighbors import KNeighborsClassifier, KNeighborsRegressor

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OUT = os.path.join(ROOT, 'src', 'core', 'models', 'classic', 'fixtures', 'knn-ties.json')


def grid_dataset(seed, rows, duplicates, queries, cols, levels):
    rng = np.random.RandomState(seed)
    X = rng.randint(0, levels, size=(rows, cols)).astype(float)
    X = np.vstack([X, X[rng.randint(0, rows, size=duplicates)]])
    y_class = rng.randint(0, 3, size=len(X))
    y_value = np.round(X.sum(axis=1) + rng.normal(size=len(X)), 3)
    Q = rng.randint(0, levels, size=(queries, cols)).astype(float)
    return {'cols': cols, 'X': X.ravel().tolist(), 'yClass': y_class.tolist(), 'yValue': y_value.tolist(), 'queries': Q.ravel().tolist()}


def case(data, name, k, weights, metric):
    X = np.array(data['X']).reshape(-1, data['cols'])
    Q = np.array(data['queries']).reshape(-1, data['cols'])
    classifier = KNeighborsClassifier(n_neighbors=k, weights=weights, metric=metric, algorithm='auto').fit(X, data['yClass'])
    regressor = KNeighborsRegressor(n_neighbors=k, weights=weights, metric=metric, algorithm='auto').fit(X, data['yValue'])
    distances, _ = classifier.kneighbors(Q, n_neighbors=k + 1)
    # Stored as whole numbers (squared for Euclidean) to keep the file small; the square root gives sklearn's back exactly.
    reduced = np.round(distances ** 2 if metric == 'euclidean' else distances).astype(int)
    assert np.array_equal(np.sqrt(reduced) if metric == 'euclidean' else reduced, distances)
    unambiguous = distances[:, k - 1] < distances[:, k]
    only = lambda rows: [row if keep else None for row, keep in zip(rows, unambiguous)]
    return {
        'data': name, 'params': {'k': k, 'weights': weights, 'metric': metric}, 'search': classifier._fit_method,
        'reducedDistances': reduced[:, :k].ravel().tolist(),
        'classes': only(classifier.predict(Q).tolist()), 'proba': only(np.round(classifier.predict_proba(Q), 13).tolist()),
        'values': only(np.round(regressor.predict(Q), 13).tolist()),
    }


def main():
    data = {'grid3': grid_dataset(11, 400, 100, 120, 3, 8), 'grid20': grid_dataset(12, 300, 60, 80, 20, 3)}
    cases = [case(data[name], name, k, weights, metric)
             for name, k in [('grid3', 5), ('grid3', 12), ('grid20', 7)]
             for weights in ['uniform', 'distance'] for metric in ['euclidean', 'manhattan']]
    with open(OUT, 'w') as f:
        json.dump({'data': data, 'cases': cases}, f, separators=(',', ':'))
    print('wrote', OUT, os.path.getsize(OUT), 'bytes;',
          ', '.join(f"{c['data']} k={c['params']['k']} {c['params']['weights']} {c['params']['metric']}: {c['search']}, "
                    f"{sum(v is not None for v in c['values'])}/{len(c['values'])} unambiguous" for c in cases))


if __name__ == '__main__':
    main()
