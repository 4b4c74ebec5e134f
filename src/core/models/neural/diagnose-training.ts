// Reads a finished training loop's loss history for what the user must hear about: a run that hit its epoch
// cap while the watched loss still fell (not converged), and one whose loss blew up (diverged).

import type { ModelWarning } from '../types';
import type { ScheduledParams } from './params';
import type { LoopResult } from './train-loop';

/**
 * Still falling: the last tenth of the epochs (at least one) lowered the watched loss by more than this share of
 * its whole fall since epoch 1 — relative to the fall, so a separable problem creeping from 0.010 to 0.008 is done.
 */
const STILL_FALLING = 0.02;
/** A training loss this many times its lowest value has exploded. */
const EXPLODED = 10;

const format = (value: number): string => String(Number(value.toPrecision(3)));

/** Warnings for `result` (none when it ended by early stopping or a stop request, with a sane loss). */
export function diagnoseTraining(result: Pick<LoopResult, 'trainLosses' | 'monitoredLosses' | 'end' | 'bestEpoch'>, params: ScheduledParams, watched: 'validation' | 'training'): ModelWarning[] {
  const diverged = describeDivergence(result, params, watched);
  if (diverged) return [diverged];
  const tail = result.end === 'cap' ? measureTailFall(result.monitoredLosses) : null;
  if (tail === null || tail.share <= STILL_FALLING) return [];
  return [{
    code: 'not-converged',
    message: `Training hit the epoch cap (${params.epochs} epochs) while the ${watched} loss was still falling (down ${format(tail.fall)} `
      + `over the last ${tail.epochs === 1 ? 'epoch' : `${tail.epochs} epochs`}, ${format(tail.share * 100)} % of its fall since epoch 1): raise Epochs (or set it to auto) or the learning rate (${format(params.learningRate)}).`,
  }];
}

/** How far the last tenth of `losses` fell below everything before it, and that as a share of the whole fall (null under 2 epochs). */
function measureTailFall(losses: readonly number[]): { fall: number; share: number; epochs: number } | null {
  if (losses.length < 2) return null;
  const epochs = Math.max(1, Math.ceil(losses.length / 10));
  const lowestBefore = Math.min(...losses.slice(0, -epochs));
  const lowest = Math.min(...losses.slice(-epochs));
  const fall = lowestBefore - lowest;
  const whole = losses[0] - lowest;
  return { fall, share: fall > 0 && whole > 0 ? fall / whole : 0, epochs };
}

function describeDivergence(result: Pick<LoopResult, 'trainLosses' | 'end' | 'bestEpoch'>, params: ScheduledParams, watched: string): ModelWarning | null {
  const rate = `the learning rate (${format(params.learningRate)}) is probably too high — try ${format(params.learningRate / 10)}`;
  const kept = params.patience > 0 ? `the weights of epoch ${result.bestEpoch} (lowest ${watched} loss) were kept` : 'the last weights were kept (early stopping is off)';
  const losses = result.trainLosses;
  if (result.end === 'non-finite') {
    return { code: 'diverged', message: `The loss became NaN or infinite at epoch ${losses.length + 1}: ${rate}; ${kept}.` };
  }
  if (losses.length < 2) return null;
  const lowest = Math.min(...losses);
  const last = losses[losses.length - 1];
  if (!(last > EXPLODED * lowest) || lowest <= 0) return null;
  const lowestEpoch = losses.indexOf(lowest) + 1;
  return {
    code: 'diverged',
    message: `The training loss exploded from ${format(lowest)} (epoch ${lowestEpoch}) to ${format(last)} (epoch ${losses.length}): ${rate}; ${kept}.`,
  };
}
