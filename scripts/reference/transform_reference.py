"""Reference values from scikit-learn for core/split and core/transform tests.

Run with /usr/bin/python3 scripts/reference/transform_reference.py (scikit-learn 1.2, numpy, scipy).
Writes JSON fixtures beside the TypeScript that tests against them; tests never need Python.
"""
import json
import math
import os

import numpy as np
from sklearn.model_selection import GroupKFold, KFold, StratifiedKFold, TimeSeriesSplit

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')


def clean(value):
    """NaN/inf as strings so the JSON is strict."""
    if isinstance(value, float):
        if math.isnan(value):
            return 'NaN'
        if math.isinf(value):
            return 'Infinity' if value > 0 else '-Infinity'
        return value
    if isinstance(value, (list, tuple)):
        return [clean(v) for v in value]
    if isinstance(value, dict):
        return {k: clean(v) for k, v in value.items()}
    if isinstance(value, np.ndarray):
        return clean(value.tolist())
    if isinstance(value, (np.floating,)):
        return clean(float(value))
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


def write(path, data):
    full = os.path.join(ROOT, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, 'w') as f:
        json.dump(clean(data), f, indent=1)
        f.write('\n')
    print('wrote', path)


def split_fixtures():
    cases = []
    for n, k in [(10, 3), (17, 5), (100, 7), (23, 4)]:
        X = np.zeros((n, 1))
        kfold = [len(test) for _, test in KFold(n_splits=k).split(X)]
        # labels: a fixed imbalanced pattern of three classes
        y = np.array(['a', 'b', 'b', 'c', 'b', 'a', 'b', 'b', 'c', 'b'] * (n // 10 + 1))[:n]
        strat = []
        for _, test in StratifiedKFold(n_splits=k).split(X, y):
            strat.append({c: int((y[test] == c).sum()) for c in sorted(set(y))})
        groups = np.array([i % (k + 3) for i in range(n)]) * 7 % 11
        group_sizes = sorted(len(test) for _, test in GroupKFold(n_splits=k).split(X, y, groups))
        ts = [[len(tr), len(te)] for tr, te in TimeSeriesSplit(n_splits=k).split(X)]
        cases.append({'n': n, 'k': k, 'kfoldSizes': kfold, 'labels': y.tolist(), 'stratifiedCounts': strat,
                      'groups': groups.tolist(), 'groupFoldSizesSorted': group_sizes, 'timeSeriesSizes': ts})
    write('src/core/split/fixtures/fold-sizes.json', {'source': 'scikit-learn 1.2.1 model_selection', 'cases': cases})


if __name__ == '__main__':
    split_fixtures()
