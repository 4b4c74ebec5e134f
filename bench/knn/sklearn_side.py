"""The scikit-learn side of the kNN benchmark: the same rows (a little-endian float64 file written by suite.mjs:
rows × cols features, then rows labels), KNeighborsClassifier(n_neighbors=k, algorithm='auto', n_jobs=N_JOBS) fitted on
the first train_rows rows, predict timed once on the rest. Prints one JSON object: fit and predict ms, the search
sklearn chose, and the predicted labels as a 0/1 string.

Usage: OMP_NUM_THREADS=1 /usr/bin/python3 bench/knn/sklearn_side.py DATA.f64 ROWS COLS TRAIN_ROWS K [N_JOBS]
(N_JOBS 1 by default; with -1 leave OMP_NUM_THREADS unset, as brute force's distance reduction threads with OpenMP.)
"""
import json
import sys
import time

import numpy as np
import sklearn
from sklearn.neighbors import KNeighborsClassifier


def main():
    path, rows, cols, train_rows, k = sys.argv[1], *map(int, sys.argv[2:6])
    n_jobs = int(sys.argv[6]) if len(sys.argv) > 6 else 1
    values = np.fromfile(path, dtype='<f8')
    X = values[: rows * cols].reshape(rows, cols)
    y = values[rows * cols:].astype(int)
    model = KNeighborsClassifier(n_neighbors=k, algorithm='auto', n_jobs=n_jobs)
    started = time.perf_counter()
    model.fit(X[:train_rows], y[:train_rows])
    fit_ms = (time.perf_counter() - started) * 1000
    started = time.perf_counter()
    predicted = model.predict(X[train_rows:])
    predict_ms = (time.perf_counter() - started) * 1000
    print(json.dumps({'fitMs': fit_ms, 'predictMs': predict_ms, 'search': model._fit_method, 'version': sklearn.__version__,
                      'predictions': ''.join(str(int(v)) for v in predicted)}))


if __name__ == '__main__':
    main()
