// The compute worker: exposes computeApi and nothing else.

import { expose } from 'comlink';
import { computeApi } from './compute-api';

expose(computeApi);
