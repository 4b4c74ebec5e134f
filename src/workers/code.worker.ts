// A Code cell's thread: one run of the user's source (core/code), then the page terminates it. postMessage is
// taken before the source runs, so the code cannot replace the channel its result goes back on.

import { serveCodeRun } from '../core/code/code-thread-protocol';

const post = self.postMessage.bind(self);
self.addEventListener('message', (event) => void serveCodeRun(event.data, self, (message, transfer) => post(message, transfer)), { once: true });
