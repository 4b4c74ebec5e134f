// What a sampler remembers between asks: the configurations it proposed. Those not yet in the history are still
// running (or were dropped); the samplers avoid proposing a configuration twice and TPE counts the running ones as
// bad (the constant liar), so parallel asks spread out.

import type { Hyperparameters } from '../models/types';
import { formatConfigKey } from './space-params';
import type { Observation, ParamRange } from './types';

/** One ask's view: the proposals still pending and every configuration key already taken (observed, pending or in this batch). */
export interface AskState {
  readonly pending: readonly Hyperparameters[];
  readonly taken: Set<string>;
}

export interface ProposalLog {
  /** Starts an ask over `history`. */
  begin(history: readonly Observation[]): AskState;
  /** Records a proposal of this ask (it joins `taken`). */
  record(point: Hyperparameters, state: AskState): void;
  /** How many configurations were proposed so far. */
  readonly size: number;
}

/** A log keyed on the searched parameters `params`. */
export function createProposalLog(params: readonly ParamRange[]): ProposalLog {
  const proposed = new Map<string, Hyperparameters>();
  return {
    begin(history) {
      const taken = new Set(history.map((o) => formatConfigKey(params, o.params)));
      const pending = [...proposed].filter(([key]) => !taken.has(key)).map(([, point]) => point);
      for (const point of pending) taken.add(formatConfigKey(params, point));
      return { pending, taken };
    },
    record(point, state) {
      const key = formatConfigKey(params, point);
      proposed.set(key, point);
      state.taken.add(key);
    },
    get size() {
      return proposed.size;
    },
  };
}
