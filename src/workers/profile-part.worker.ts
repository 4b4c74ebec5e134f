// A profile part worker: exposes profilePartApi and nothing else.

import { expose } from 'comlink';
import { profilePartApi } from './profile-part-api';

expose(profilePartApi);
