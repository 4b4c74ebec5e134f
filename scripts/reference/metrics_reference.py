"""Reference values from scikit-learn for core/evaluate metric tests.

Run with /usr/bin/python3 scripts/reference/metrics_reference.py (scikit-learn 1.2, numpy).
Writes src/core/evaluate/fixtures/metrics.json: small literal cases, including ties and edge cases.
"""
import json
import os

import numpy as np
from sklearn import metrics as m

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'core', 'evaluate', 'fixtures', 'metrics.json')

rng = np.random.RandomState(7)

# Classification labels (class indices) and scores.
labels = [
    ('binary', [0, 1, 1, 0, 1, 0, 0, 1, 1, 1], [0, 1, 0, 0, 1, 1, 0, 1, 1, 0]),
    ('multiclass', [0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 2, 1], [0, 2, 2, 2, 1, 0, 1, 1, 0, 0, 2, 1]),
    ('unseen-predicted-class', [0, 0, 1, 1, 1, 0], [0, 2, 1, 1, 0, 0]),
    ('no-positive-predictions', [0, 1, 1, 0], [0, 0, 0, 0]),
    ('random-4-class', rng.randint(0, 4, 40).tolist(), rng.randint(0, 4, 40).tolist()),
]
label_cases = []
for name, t, p in labels:
    case = {'name': name, 'yTrue': t, 'yPred': p,
            'accuracy': m.accuracy_score(t, p), 'balancedAccuracy': m.balanced_accuracy_score(t, p)}
    for avg in ['macro', 'weighted'] + (['binary'] if max(t + p) <= 1 else []):
        pr, rc, f1, _ = m.precision_recall_fscore_support(t, p, average=avg, zero_division=0)
        case[avg] = {'precision': float(pr), 'recall': float(rc), 'f1': float(f1)}
    label_cases.append(case)

binary_scores = [
    ('distinct', [0, 0, 1, 1, 0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.55, 0.6]),
    ('ties', [0, 1, 1, 0, 1, 0, 1, 0, 0, 1], [0.5, 0.5, 0.7, 0.7, 0.2, 0.2, 0.9, 0.1, 0.5, 0.5]),
    ('all-tied', [0, 1, 0, 1, 1], [0.3, 0.3, 0.3, 0.3, 0.3]),
    ('extreme-probabilities', [1, 0, 1, 0], [1.0, 0.0, 0.0, 1e-20]),
    ('random', rng.randint(0, 2, 50).tolist(), np.round(rng.rand(50), 1).tolist()),
]
score_cases = []
for name, t, s in binary_scores:
    proba = np.column_stack([1 - np.array(s), np.array(s)])
    score_cases.append({'name': name, 'yTrue': t, 'yScore': s,
                        'rocAuc': m.roc_auc_score(t, s), 'averagePrecision': m.average_precision_score(t, s),
                        'logLoss': m.log_loss(t, proba, labels=[0, 1]), 'brier': m.brier_score_loss(t, s)})

proba3 = rng.dirichlet([1, 1, 1], 30)
proba3[3] = proba3[4]  # a tie across rows
y3 = rng.randint(0, 3, 30)
unnormalised = np.array([[0.2, 0.2, 0.2], [0.9, 0.05, 0.0], [0.1, 0.3, 0.5]])
multiclass_cases = [
    {'name': 'dirichlet', 'yTrue': y3.tolist(), 'proba': proba3.ravel().tolist(), 'classCount': 3,
     'rocAucOvr': m.roc_auc_score(y3, proba3, multi_class='ovr', average='macro'),
     'logLoss': m.log_loss(y3, proba3, labels=[0, 1, 2])},
    {'name': 'unnormalised-and-zero', 'yTrue': [0, 2, 1], 'proba': unnormalised.ravel().tolist(), 'classCount': 3,
     # sklearn refuses rows that do not sum to 1 for multi_class='ovr'; its definition is the mean of per-class AUCs
     'rocAucOvr': np.mean([m.roc_auc_score(np.array([0, 2, 1]) == c, unnormalised[:, c]) for c in range(3)]), 'logLoss': m.log_loss([0, 2, 1], unnormalised, labels=[0, 1, 2])},
]

regressions = [
    ('simple', [3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0]),
    ('odd-count', [1.0, 2.0, 3.0, 4.0, 5.0], [1.5, 1.0, 3.5, 4.0, 7.0]),
    ('has-zero-target', [0.0, 1.0, -2.0, 10.0], [0.5, 1.0, -1.0, 8.0]),
    ('constant-perfect', [4.0, 4.0, 4.0], [4.0, 4.0, 4.0]),
    ('constant-imperfect', [4.0, 4.0, 4.0], [4.0, 5.0, 3.0]),
    ('random', (rng.randn(40) * 10).tolist(), (rng.randn(40) * 10).tolist()),
]
regression_cases = [{'name': name, 'yTrue': t, 'yPred': p,
                     'mae': m.mean_absolute_error(t, p), 'mse': m.mean_squared_error(t, p),
                     'rmse': m.mean_squared_error(t, p, squared=False), 'r2': m.r2_score(t, p),
                     'explainedVariance': m.explained_variance_score(t, p),
                     'medianAbsoluteError': m.median_absolute_error(t, p),
                     'mape': m.mean_absolute_percentage_error(t, p)} for name, t, p in regressions]


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (np.floating,)):
        return float(value)
    if isinstance(value, (np.integer,)):
        return int(value)
    return value


os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, 'w') as f:
    json.dump(plain({'source': 'scikit-learn ' + __import__('sklearn').__version__, 'labels': label_cases,
                     'binaryScores': score_cases, 'multiclassScores': multiclass_cases,
                     'regression': regression_cases}), f, indent=1)
print('wrote', OUT)
