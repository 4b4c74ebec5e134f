// The training worker: exposes trainingApi and nothing else.

import { expose } from 'comlink';
import { trainingApi } from './training-api';

expose(trainingApi);
