"""The sklearn side of the neural bench: MLPClassifier(hidden_layer_sizes=(64, 64), batch_size=256, max_iter=20,
solver='adam', early_stopping=False) on the bench data (JSON path as argv[1]); prints {seconds, accuracy, ...}."""
import json
import sys
import time
import warnings

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

warnings.simplefilter('ignore', ConvergenceWarning)
with open(sys.argv[1]) as f:
    d = json.load(f)
X = np.array(d['x'], dtype=np.float64).reshape(-1, d['cols'])
y = np.array(d['y'])
n = d['trainRows']
model = MLPClassifier(hidden_layer_sizes=(64, 64), batch_size=256, max_iter=d['epochs'], solver='adam', early_stopping=False, random_state=0)
start = time.perf_counter()
model.fit(X[:n], y[:n])
seconds = time.perf_counter() - start
accuracy = float((model.predict(X[n:]) == y[n:]).mean())
print(json.dumps({'seconds': seconds, 'accuracy': accuracy, 'epochs': model.n_iter_, 'sklearn': sklearn.__version__}))
