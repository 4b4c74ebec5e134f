// The model registry's rules, pure: which names are allowed, what a register / stage / rollback / card request does
// to a model's versions, and the change record it logs. Storage reads the versions and the next log sequence inside
// one readwrite transaction, asks these functions for a plan and writes it, so the rules hold across tabs.

import { RegistryError } from '../errors';
import type { NotebookId } from '../notebook/types';
import type { ModelCardEdits, ModelVersion, RegistryAction, RegistryChange, Stage } from './types';
import { EMPTY_CARD_EDITS } from './types';

export const STAGES: readonly Stage[] = ['none', 'staging', 'production', 'archived'];
export const MODEL_NAME_MAX_CHARS = 64;
const MODEL_NAME_PATTERN = /^[\p{L}\p{N} ._-]+$/u;

/** When a change happens (`now`, epoch ms) and its place in the model's log (1 for the first change). */
export interface ChangeContext {
  readonly now: number;
  readonly sequence: number;
}

/** What a request does: the version records to write and the change to log, or why it is refused. */
export type RegistryPlan =
  | { readonly kind: 'ok'; readonly versions: readonly ModelVersion[]; readonly change: RegistryChange }
  | { readonly kind: 'refused'; readonly message: string };

/** The trimmed name, or a RegistryError naming the rule it breaks. */
export function checkModelName(raw: string): string {
  const name = typeof raw === 'string' ? raw.trim() : '';
  if (name.length === 0) throw new RegistryError('A model name is needed: write 1 to 64 letters, digits, spaces, "-", "_" or ".".');
  if (name.length > MODEL_NAME_MAX_CHARS) throw new RegistryError(`The model name "${name.slice(0, 20)}…" has ${name.length} characters; use at most ${MODEL_NAME_MAX_CHARS}.`);
  if (!MODEL_NAME_PATTERN.test(name)) {
    const bad = [...name].find((char) => !MODEL_NAME_PATTERN.test(char));
    throw new RegistryError(`The model name "${name}" contains "${bad}"; use only letters, digits, spaces, "-", "_" and ".".`);
  }
  return name;
}

/** `${modelName}@${version}`, the key of a version record. */
export function formatVersionId(modelName: string, version: number): string {
  return `${modelName}@${version}`;
}

/** The version in production, if any. */
export function findProduction(versions: readonly ModelVersion[]): ModelVersion | undefined {
  return versions.find((v) => v.stage === 'production');
}

/** Throws a RegistryError when more than one version of a model is in production (the registry's invariant). */
export function assertOneProduction(versions: readonly ModelVersion[]): void {
  const production = versions.filter((v) => v.stage === 'production');
  if (production.length > 1) {
    throw new RegistryError(`Model "${production[0].modelName}" has ${production.length} versions in production (${production.map((v) => `v${v.version}`).join(', ')}); only one may be. Set the others to archived.`);
  }
}

/** A new version of `modelName` (the next number, stage 'none') and its 'register' change; `existing` may be empty. */
export function planRegistration(
  existing: readonly ModelVersion[],
  input: { modelName: string; runId: string; notebookId: NotebookId; reason: string },
  context: ChangeContext,
): { version: ModelVersion; change: RegistryChange } {
  const number = existing.reduce((max, v) => Math.max(max, v.version), 0) + 1;
  const version: ModelVersion = {
    id: formatVersionId(input.modelName, number), modelName: input.modelName, version: number, runId: input.runId,
    notebookId: input.notebookId, registeredAt: context.now, stage: 'none', card: EMPTY_CARD_EDITS,
  };
  return { version, change: buildChange('register', existing, [...existing, version], number, input.reason, context) };
}

/** Moves one version to `stage`; into production, the current production version (another) becomes archived. */
export function planStageChange(versions: readonly ModelVersion[], request: { version: number; stage: Stage; reason: string }, context: ChangeContext): RegistryPlan {
  const target = versions.find((v) => v.version === request.version);
  if (!target) return refuseMissing(versions, request.version);
  if (!STAGES.includes(request.stage)) return refuse(`Unknown stage "${String(request.stage)}"; use ${STAGES.join(', ')}.`);
  const label = `${target.modelName} v${target.version}`;
  if (target.stage === request.stage) return refuse(`${label} is already in ${request.stage}; pick another stage.`);
  if (request.stage === 'production' && request.reason.trim() === '') {
    return refuse(`Promoting ${label} to production needs a reason (what changed, who approved it); write one and try again.`);
  }
  return planMoves(versions, target, request.stage, 'set-stage', request.reason, context);
}

/** Puts an earlier version back in production (any version when none is in production); the current one is archived. */
export function planRollback(versions: readonly ModelVersion[], request: { toVersion: number; reason: string }, context: ChangeContext): RegistryPlan {
  const target = versions.find((v) => v.version === request.toVersion);
  if (!target) return refuseMissing(versions, request.toVersion);
  const label = `${target.modelName} v${target.version}`;
  const production = findProduction(versions);
  if (production && production.version <= target.version) {
    return refuse(`Rollback goes to a version earlier than the one in production (v${production.version}); ${label} is not earlier. To put a later version in production, promote it instead.`);
  }
  if (request.reason.trim() === '') return refuse(`Rolling ${target.modelName} back to v${target.version} needs a reason (what went wrong with the current version); write one and try again.`);
  return planMoves(versions, target, 'production', 'rollback', request.reason, context);
}

/** Replaces a version's card edits; stages stay as they are. */
export function planCardEdit(versions: readonly ModelVersion[], request: { version: number; card: ModelCardEdits; reason: string }, context: ChangeContext): RegistryPlan {
  const target = versions.find((v) => v.version === request.version);
  if (!target) return refuseMissing(versions, request.version);
  const { intendedUse, limitations, ethicalConsiderations } = request.card;
  if (![intendedUse, limitations, ethicalConsiderations].every((text) => typeof text === 'string')) {
    return refuse(`The card of ${target.modelName} v${target.version} needs text for intended use, limitations and ethical considerations (empty text is allowed).`);
  }
  const card: ModelCardEdits = { intendedUse, limitations, ethicalConsiderations };
  const updated: ModelVersion = { ...target, card };
  const change = buildChange('edit-card', versions, versions, target.version, request.reason, context);
  return { kind: 'ok', versions: [updated], change: { ...change, cardBefore: target.card, cardAfter: card } };
}

function planMoves(versions: readonly ModelVersion[], target: ModelVersion, stage: Stage, action: RegistryAction, reason: string, context: ChangeContext): RegistryPlan {
  const changed: ModelVersion[] = [{ ...target, stage }];
  // Every other production version is archived (one, unless another writer broke the invariant: this repairs it).
  if (stage === 'production') changed.push(...versions.filter((v) => v.stage === 'production' && v.version !== target.version).map((v) => ({ ...v, stage: 'archived' as const })));
  const after = versions.map((v) => changed.find((c) => c.version === v.version) ?? v);
  assertOneProduction(after);
  return { kind: 'ok', versions: changed, change: buildChange(action, versions, after, target.version, reason, context) };
}

function buildChange(action: RegistryAction, before: readonly ModelVersion[], after: readonly ModelVersion[], version: number, reason: string, context: ChangeContext): RegistryChange {
  const modelName = after[0].modelName;
  return {
    id: `${modelName}#${context.sequence}`, modelName, sequence: context.sequence, at: context.now, action, version, reason: reason.trim(),
    before: listStages(before), after: listStages(after),
  };
}

function listStages(versions: readonly ModelVersion[]): { version: number; stage: Stage }[] {
  return versions.map(({ version, stage }) => ({ version, stage })).sort((a, b) => a.version - b.version);
}

function refuseMissing(versions: readonly ModelVersion[], version: number): RegistryPlan {
  if (versions.length === 0) return refuse(`No model with that name is registered; register a run first.`);
  const numbers = versions.map((v) => v.version).sort((a, b) => a - b);
  return refuse(`Model "${versions[0].modelName}" has no version ${version} (its versions: ${numbers.join(', ')}); pick one of those.`);
}

function refuse(message: string): RegistryPlan {
  return { kind: 'refused', message };
}
