// The Explain cell's worker job (owned by the Explain cell work; placeholder until it lands this session).

import { ModelSpecError } from '../core/errors';

/** Explains a stored run on held-out rows; see the Explain cell. */
export async function explainStoredRun(): Promise<never> {
  throw new ModelSpecError('Explaining a run is not available yet.');
}
