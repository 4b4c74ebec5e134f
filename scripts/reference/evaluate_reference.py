"""Reference values from scikit-learn / numpy / pandas for the core/evaluate diagnostics tests.

Run with /usr/bin/python3 scripts/reference/evaluate_reference.py (scikit-learn 1.2, numpy, scipy, pandas).
Writes src/core/evaluate/fixtures/evaluate.json: agreement metrics, confusion matrices, classification reports,
threshold sweeps, ROC / PR / calibration curves, Platt and isotonic calibrators, residual histograms, gain tables,
cost curves, quantile groups and fairness rates (the fairness formulas are fairlearn's, written out in numpy).
"""
import json
import os

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import expit, xlogy
from sklearn import metrics as m
from sklearn.calibration import _sigmoid_calibration, calibration_curve
from sklearn.isotonic import IsotonicRegression

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'src', 'core', 'evaluate', 'fixtures', 'evaluate.json')
rng = np.random.RandomState(11)


def null_if_nan(v):
    v = float(v)
    return None if np.isnan(v) else v


label_sets = [
    ('binary', 2, [0, 1, 1, 0, 1, 0, 0, 1, 1, 1], [0, 1, 0, 0, 1, 1, 0, 1, 1, 0]),
    ('multiclass', 3, [0, 1, 2, 2, 1, 0, 2, 1, 0, 2, 2, 1], [0, 2, 2, 2, 1, 0, 1, 1, 0, 0, 2, 1]),
    ('absent-class', 4, [0, 0, 1, 1, 1, 0], [0, 2, 1, 1, 0, 0]),
    ('random-4-class', 4, rng.randint(0, 4, 60).tolist(), rng.randint(0, 4, 60).tolist()),
    ('constant-prediction', 2, [0, 1, 1, 0, 1], [1, 1, 1, 1, 1]),
    ('one-class-true', 2, [1, 1, 1, 1], [1, 0, 1, 1]),
    ('both-same-single-class', 2, [1, 1, 1], [1, 1, 1]),
]
labels = []
for name, k, t, p in label_sets:
    ks = list(range(k))
    pr, rc, f1, sup = m.precision_recall_fscore_support(t, p, labels=ks, average=None, zero_division=0)
    avg = {a: dict(zip(['precision', 'recall', 'f1'], map(float, m.precision_recall_fscore_support(t, p, labels=ks, average=a, zero_division=0)[:3])))
           for a in ['macro', 'weighted']}
    with np.errstate(all='ignore'):
        kappa = {w: null_if_nan(m.cohen_kappa_score(t, p, labels=ks, weights=None if w == 'none' else w)) for w in ['none', 'linear', 'quadratic']}
    labels.append({
        'name': name, 'classCount': k, 'yTrue': t, 'yPred': p,
        'mcc': m.matthews_corrcoef(t, p), 'kappa': kappa,
        'confusion': {n: m.confusion_matrix(t, p, labels=ks, normalize=None if n == 'counts' else n).tolist() for n in ['counts', 'true', 'pred', 'all']},
        'report': {'precision': pr.tolist(), 'recall': rc.tolist(), 'f1': f1.tolist(), 'support': sup.tolist(),
                   'accuracy': m.accuracy_score(t, p), **avg},
    })

score_sets = [
    ('distinct', [0, 0, 1, 1, 0, 1, 1, 0], [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.55, 0.6]),
    ('ties', [0, 1, 1, 0, 1, 0, 1, 0, 0, 1], [0.5, 0.5, 0.7, 0.7, 0.2, 0.2, 0.9, 0.1, 0.5, 0.5]),
    ('collinear-points', [1, 1, 1, 0, 0, 0, 1, 0], [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]),
    ('random', rng.randint(0, 2, 80).tolist(), np.round(rng.rand(80), 2).tolist()),
    ('skewed', (rng.rand(120) < 0.15).astype(int).tolist(), np.round(rng.beta(2, 5, 120), 3).tolist()),
]
COSTS = {'truePositive': -40.0, 'falsePositive': 5.0, 'falseNegative': 25.0, 'trueNegative': 0.0}
scores = []
for name, t, s in score_sets:
    ta, sa = np.array(t), np.array(s)
    distinct = np.unique(sa)[::-1]
    tp = [int(((sa >= th) & (ta == 1)).sum()) for th in distinct]
    fp = [int(((sa >= th) & (ta == 0)).sum()) for th in distinct]
    fpr, tpr, roc_th = m.roc_curve(t, s)
    prec, rec, pr_th = m.precision_recall_curve(t, s)
    calib = {}
    for strategy, bins in [('uniform', 5), ('quantile', 4), ('uniform', 10)]:
        prob_true, prob_pred = calibration_curve(t, s, n_bins=bins, strategy=strategy)
        calib[f'{strategy}-{bins}'] = {'observedRate': prob_true.tolist(), 'meanPredicted': prob_pred.tolist()}
    # gain / lift by deciles: stable descending order, numpy.array_split groups
    order = np.argsort(-sa, kind='mergesort')
    groups = np.array_split(ta[order], 10)
    cum_pos = np.cumsum([g.sum() for g in groups])
    cum_rows = np.cumsum([len(g) for g in groups])
    gain = {'positives': [int(g.sum()) for g in groups], 'gain': (cum_pos / ta.sum()).tolist(),
            'lift': ((cum_pos / cum_rows) / (ta.sum() / len(ta))).tolist()}
    # expected cost per case: predict none, then every distinct threshold descending
    costs = []
    for th in [np.inf, *distinct]:
        pred = sa >= th
        c = m.confusion_matrix(ta, pred.astype(int), labels=[0, 1])
        tn, fpc, fn, tpc = c.ravel()
        costs.append(float((tpc * COSTS['truePositive'] + fpc * COSTS['falsePositive'] + fn * COSTS['falseNegative'] + tn * COSTS['trueNegative']) / len(ta)))
    scores.append({'name': name, 'yTrue': t, 'score': s, 'thresholds': distinct.tolist(), 'truePositives': tp, 'falsePositives': fp,
                   'roc': {'falsePositiveRate': fpr.tolist(), 'truePositiveRate': tpr.tolist(), 'thresholds': roc_th.tolist()},
                   'pr': {'precision': prec.tolist(), 'recall': rec.tolist(), 'thresholds': pr_th.tolist()},
                   'calibration': calib, 'gain': gain, 'meanCost': costs})


def platt_loss(ab, f, y):
    prior1 = (y > 0).sum()
    prior0 = len(y) - prior1
    T = np.where(y > 0, (prior1 + 1.0) / (prior1 + 2.0), 1.0 / (prior0 + 2.0))
    P = expit(-(ab[0] * f + ab[1]))
    return float(-(xlogy(T, P) + xlogy(1.0 - T, 1.0 - P)).sum())


calibrators = []
for name, n, spread in [('separable-ish', 40, 3.0), ('noisy', 200, 0.7), ('tiny', 6, 1.0)]:
    f = np.round(rng.randn(n) * spread, 3)
    y = (rng.rand(n) < expit(1.3 * f - 0.4)).astype(int)
    a, b = _sigmoid_calibration(f, y)
    tight = minimize(platt_loss, [a, b], args=(f, y), method='BFGS', options={'gtol': 1e-12, 'maxiter': 1000})
    iso = IsotonicRegression(out_of_bounds='clip').fit(f, y)
    probe = np.concatenate([[f.min() - 1, f.max() + 1], np.round(rng.randn(10) * spread, 4), f[:5]])
    calibrators.append({'name': name, 'scores': f.tolist(), 'yTrue': y.tolist(),
                        'platt': {'sklearnA': float(a), 'sklearnB': float(b), 'sklearnLoss': platt_loss([a, b], f, y),
                                  'tightA': float(tight.x[0]), 'tightB': float(tight.x[1]), 'tightLoss': platt_loss(tight.x, f, y)},
                        'isotonic': {'x': iso.X_thresholds_.tolist(), 'y': iso.y_thresholds_.tolist(),
                                     'probe': probe.tolist(), 'predicted': iso.predict(probe).tolist()}})

residual_sets = [
    ('normal', (rng.randn(50) * 3).round(3).tolist(), (rng.randn(50) * 3).round(3).tolist()),
    ('constant-residual', [1.0, 2.0, 3.0], [0.5, 1.5, 2.5]),
    ('skewed', rng.exponential(5, 300).round(2).tolist(), np.zeros(300).tolist()),
]
residuals = []
for name, t, p in residual_sets:
    r = np.array(t) - np.array(p)
    counts, edges = np.histogram(r, bins='auto')
    residuals.append({'name': name, 'yTrue': t, 'yPred': p, 'edges': edges.tolist(), 'counts': counts.tolist()})

# quantile groups (pandas.qcut) and fairness rates (fairlearn's definitions in numpy)
values = np.round(rng.randn(40) * 10, 1)
values[[3, 17]] = np.nan
codes = pd.qcut(values, 4, labels=False, duplicates='drop')
qgroups = {'values': [None if np.isnan(v) else float(v) for v in values], 'codes': [-1 if np.isnan(c) else int(c) for c in codes]}
group = rng.randint(0, 3, 90)
yt = (rng.rand(90) < 0.4).astype(int)
yp = (rng.rand(90) < np.array([0.3, 0.5, 0.7])[group]).astype(int)
sel = [yp[group == g].mean() for g in range(3)]
tpr = [yp[(group == g) & (yt == 1)].mean() for g in range(3)]
fpr = [yp[(group == g) & (yt == 0)].mean() for g in range(3)]
fairness = {'group': group.tolist(), 'yTrue': yt.tolist(), 'yPred': yp.tolist(), 'selectionRate': sel, 'truePositiveRate': tpr,
            'falsePositiveRate': fpr, 'demographicParityDifference': max(sel) - min(sel), 'demographicParityRatio': min(sel) / max(sel),
            'equalOpportunityDifference': max(tpr) - min(tpr), 'equalizedOddsDifference': max(max(tpr) - min(tpr), max(fpr) - min(fpr))}


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


with open(OUT, 'w') as out:
    json.dump(plain({'source': 'scikit-learn ' + __import__('sklearn').__version__ + ', numpy ' + np.__version__ + ', pandas ' + pd.__version__,
                     'costs': COSTS, 'labels': labels, 'scores': scores, 'calibrators': calibrators, 'residuals': residuals,
                     'quantileGroups': qgroups, 'fairness': fairness}), out, indent=1)
print('wrote', OUT)
