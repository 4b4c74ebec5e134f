// A CSV range worker: exposes csvRangeApi and nothing else.

import { expose } from 'comlink';
import { csvRangeApi } from './csv-range-api';

expose(csvRangeApi);
