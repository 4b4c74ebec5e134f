"""Reference values for core/explain and core/compare tests.

Run with /usr/bin/python3 scripts/reference/explain_reference.py (scikit-learn 1.2, numpy, scipy).
Writes src/core/explain/fixtures/explain.json: a small sklearn DecisionTreeRegressor (its arrays, so the tests
rebuild the same tree), exact Shapley values of it by subset enumeration (path-dependent conditional
expectation, explicit code below: the shap package is not installed), sklearn's permutation_importance with
the permutations it drew, and sklearn's brute-force partial_dependence with its grid.
Writes src/core/compare/fixtures/compare.json: McNemar (statsmodels' formulas via scipy), scipy's ttest_rel
and the Nadeau-Bengio corrected resampled t-test.
"""
import itertools
import json
import math
import os

import numpy as np
from scipy import stats
from sklearn.inspection import partial_dependence, permutation_importance
from sklearn.tree import DecisionTreeRegressor

ROOT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'core')
rng = np.random.RandomState(3)

# Values on a 0.25 grid are exact in float32, so sklearn's float32 splits equal ours in float64.
n, M = 80, 5
X = np.round(rng.uniform(0, 10, size=(n, M)) * 4) / 4
X[:, 2] = rng.randint(0, 4, n)  # few distinct values: partial dependence then uses the unique values
y = np.sin(X[:, 0]) * 3 + X[:, 1] * (X[:, 2] > 1) + 0.5 * X[:, 3] + rng.normal(0, 0.3, n)
tree = DecisionTreeRegressor(max_depth=4, random_state=0).fit(X, y)
t = tree.tree_
tree_json = {'feature': [int(f) if f >= 0 else -1 for f in t.feature], 'threshold': [float(v) if f >= 0 else 0.0 for f, v in zip(t.feature, t.threshold)],
             'left': t.children_left.tolist(), 'right': t.children_right.tolist(), 'value': t.value[:, 0, 0].tolist(),
             'cover': t.weighted_n_node_samples.tolist(), 'outputs': 1}


def conditional_expectation(x, subset, node=0):
    """E[f(x) | x_S] with path-dependent perturbation: follow x on features in S, else average by cover."""
    if t.children_left[node] < 0:
        return t.value[node, 0, 0]
    f, l, r = t.feature[node], t.children_left[node], t.children_right[node]
    if f in subset:
        return conditional_expectation(x, subset, l if x[f] <= t.threshold[node] else r)
    w = t.weighted_n_node_samples
    return (w[l] * conditional_expectation(x, subset, l) + w[r] * conditional_expectation(x, subset, r)) / w[node]


def exact_shapley(x):
    phi = np.zeros(M)
    for j in range(M):
        others = [k for k in range(M) if k != j]
        for size in range(M):
            weight = math.factorial(size) * math.factorial(M - size - 1) / math.factorial(M)
            for S in itertools.combinations(others, size):
                phi[j] += weight * (conditional_expectation(x, set(S) | {j}) - conditional_expectation(x, set(S)))
    return phi


shap_rows = list(range(10))
shap = {'rows': shap_rows, 'baseValue': conditional_expectation(X[0], set()), 'values': [exact_shapley(X[i]).tolist() for i in shap_rows],
        'predictions': tree.predict(X[shap_rows]).tolist()}

# permutation_importance draws one seed, then every column replays the same in-place shuffles of an index
# array, each applied to the already-permuted column: the effective permutation is their composition.
seed = np.random.RandomState(0).randint(np.iinfo(np.int32).max + 1)
shuffler, idx, effective, permutations = np.random.RandomState(seed), np.arange(n), np.arange(n), []
for _ in range(5):
    shuffler.shuffle(idx)
    effective = effective[idx]
    permutations.append(effective.tolist())
pi = permutation_importance(tree, X, y, scoring='r2', n_repeats=5, random_state=0)
permutation = {'permutations': permutations, 'mean': pi.importances_mean.tolist(), 'std': pi.importances_std.tolist(),
               'importances': pi.importances.tolist()}

pd_cases = []
for feature, resolution, percentiles in [(0, 10, (0.05, 0.95)), (2, 10, (0.05, 0.95)), (3, 7, (0.1, 0.8))]:
    result = partial_dependence(tree, X, [feature], method='brute', kind='both', grid_resolution=resolution, percentiles=percentiles)
    pd_cases.append({'feature': feature, 'gridResolution': resolution, 'percentiles': list(percentiles),
                     'grid': result['values'][0].tolist(), 'average': result['average'][0].tolist(),
                     'individualFirst3': result['individual'][0][:3].tolist()})

with open(os.path.join(ROOT, 'explain', 'fixtures', 'explain.json'), 'w') as fh:
    json.dump({'sklearn': __import__('sklearn').__version__, 'X': X.ravel().tolist(), 'y': y.tolist(), 'rows': n, 'cols': M,
               'tree': tree_json, 'shap': shap, 'permutation': permutation, 'partialDependence': pd_cases}, fh)

# McNemar as statsmodels.stats.contingency_tables.mcnemar: exact = two-sided binomial on the smaller count,
# otherwise chi-square with continuity correction; we use exact below 25 discordant pairs.
mcnemar = []
for b, c in [(3, 9), (0, 6), (5, 5), (12, 12), (10, 30), (40, 22), (0, 0)]:
    if b + c < 25:
        p = min(1.0, 2 * stats.binom.cdf(min(b, c), b + c, 0.5)) if b + c > 0 else 1.0
        mcnemar.append({'b': b, 'c': c, 'method': 'exact', 'statistic': min(b, c), 'pValue': p})
    else:
        chi = (abs(b - c) - 1) ** 2 / (b + c)
        mcnemar.append({'b': b, 'c': c, 'method': 'chi-square', 'statistic': chi, 'pValue': stats.chi2.sf(chi, 1)})

paired = []
for a, bb, n_train, n_test in [([0.81, 0.84, 0.79, 0.83, 0.82], [0.78, 0.80, 0.79, 0.80, 0.77], 800, 200),
                               ([0.71, 0.69, 0.73, 0.70, 0.72, 0.68, 0.74, 0.70, 0.71, 0.69], [0.70, 0.70, 0.72, 0.71, 0.70, 0.69, 0.72, 0.71, 0.70, 0.70], 900, 100),
                               ([12.1, 11.8, 12.6], [12.9, 12.2, 13.4], 200, 100)]:
    a, bb = np.array(a), np.array(bb)
    tt = stats.ttest_rel(a, bb)
    d = a - bb
    k = len(d)
    t_nb = d.mean() / math.sqrt((1 / k + n_test / n_train) * d.var(ddof=1))
    paired.append({'a': a.tolist(), 'b': bb.tolist(), 'nTrain': n_train, 'nTest': n_test,
                   'pairedT': {'statistic': float(tt.statistic), 'pValue': float(tt.pvalue), 'df': k - 1},
                   'nadeauBengio': {'statistic': t_nb, 'pValue': float(2 * stats.t.sf(abs(t_nb), k - 1)), 'df': k - 1}})

with open(os.path.join(ROOT, 'compare', 'fixtures', 'compare.json'), 'w') as fh:
    json.dump({'scipy': __import__('scipy').__version__, 'mcnemar': mcnemar, 'paired': paired}, fh, indent=1)
