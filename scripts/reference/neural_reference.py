"""Reference values from scikit-learn's MLPClassifier / MLPRegressor for the neural family (src/core/models/neural).

Run with /usr/bin/python3 scripts/reference/neural_reference.py (scikit-learn 1.2, numpy).
Reads the datasets the classic fixtures already hold (same rows, same train/test split, features standardised
and rounded there) and writes src/core/models/neural/fixtures/mlp-reference.json: for each case the
architecture and training settings, and held-out accuracy / R² for several initialisation seeds (networks
differ by initialisation, so the test compares ours against the seeds' mean with a tolerance).
Settings mirror ours: no L2 (alpha=0), Adam, shuffling, no early stopping within max_iter (tol=0 never stops
on a plateau before n_iter_no_change epochs without improvement); features are standardised on the training rows
and a regression target too, as the studio's network does inside (StandardScaler, TransformedTargetRegressor).
"""
import json
import os
import warnings

import numpy as np
from sklearn import metrics
from sklearn.compose import TransformedTargetRegressor
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
CLASSIC = os.path.join(ROOT, 'src', 'core', 'models', 'classic', 'fixtures')
OUT = os.path.join(ROOT, 'src', 'core', 'models', 'neural', 'fixtures', 'mlp-reference.json')
SEEDS = [0, 1, 2, 3, 4]

CASES = [
    {'dataset': 'breast-cancer', 'task': 'binary', 'hidden': [64, 64], 'activation': 'relu', 'learningRate': 1e-3, 'batchSize': 32, 'epochs': 50},
    {'dataset': 'cars', 'task': 'regression', 'hidden': [64, 64], 'activation': 'relu', 'learningRate': 1e-3, 'batchSize': 32, 'epochs': 100},
    {'dataset': 'diabetes', 'task': 'regression', 'hidden': [32], 'activation': 'tanh', 'learningRate': 1e-3, 'batchSize': 32, 'epochs': 100},
]


def load(name):
    with open(os.path.join(CLASSIC, name + '.json')) as f:
        d = json.load(f)['data']
    X = np.array(d['X']).reshape(d['rows'], d['cols'])
    y = np.array(d['y'])
    return X[d['train']], y[d['train']], X[d['test']], y[d['test']]


def score(case, seed):
    Xtr, ytr, Xte, yte = load(case['dataset'])
    common = dict(hidden_layer_sizes=tuple(case['hidden']), activation=case['activation'], solver='adam', alpha=0.0,
                  learning_rate_init=case['learningRate'], batch_size=case['batchSize'], max_iter=case['epochs'],
                  shuffle=True, tol=0.0, n_iter_no_change=case['epochs'], random_state=seed)
    if case['task'] == 'regression':
        model = TransformedTargetRegressor(regressor=make_pipeline(StandardScaler(), MLPRegressor(**common)), transformer=StandardScaler()).fit(Xtr, ytr)
        return metrics.r2_score(yte, model.predict(Xte))
    model = make_pipeline(StandardScaler(), MLPClassifier(**common)).fit(Xtr, ytr)
    return metrics.accuracy_score(yte, model.predict(Xte))


def main():
    warnings.simplefilter('ignore', ConvergenceWarning)
    out = []
    for case in CASES:
        scores = [score(case, seed) for seed in SEEDS]
        metric = 'r2' if case['task'] == 'regression' else 'accuracy'
        out.append({**case, 'metric': metric, 'seeds': SEEDS, 'scores': [round(s, 6) for s in scores], 'mean': round(float(np.mean(scores)), 6)})
        print(case['dataset'], metric, [round(s, 4) for s in scores])
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, 'w') as f:
        json.dump({'source': 'scikit-learn ' + __import__('sklearn').__version__ + ' MLPClassifier / MLPRegressor', 'cases': out}, f, indent=1)
    print('wrote', OUT)


if __name__ == '__main__':
    main()
