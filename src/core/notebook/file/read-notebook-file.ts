// Reads a notebook file: JSON → its version found and upgraded → envelope, cells, specs and embedded models
// validated, specs completed by their defaults. Every problem names its path and rule; the first few make the error's message.

import * as v from 'valibot';
import { NotebookFormatError } from '../../errors';
import { checkFileCells } from './check-file-cells';
import { checkFileModels } from './check-file-models';
import { fileEnvelope } from './file-schema';
import type { NotebookFile } from './file-types';
import { describeRule, formatIssue } from './format-issues';
import { upgradeNotebookFile } from './upgrade-notebook-file';

/** Problems quoted in the error's message; all of them are on `NotebookFormatError.problems`. */
const PROBLEMS_IN_MESSAGE = 3;

/** Parses and checks the text of a `.notebook.json` file; throws NotebookFormatError naming what is wrong. */
export function readNotebookFile(text: string): NotebookFile {
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    const reason = `it is not JSON (${error instanceof Error ? error.message : String(error)})`;
    throw new NotebookFormatError(`Cannot read this notebook file: ${reason}. Choose a .notebook.json file exported by ML Studio.`, [reason]);
  }
  return checkNotebookFile(document);
}

/** Checks an already parsed notebook document (any readable version); throws NotebookFormatError naming what is wrong. */
export function checkNotebookFile(document: unknown): NotebookFile {
  const upgraded = upgradeNotebookFile(document);
  const envelope = v.safeParse(fileEnvelope, upgraded, { message: describeRule });
  if (!envelope.success) throw describeProblems(envelope.issues.map((issue) => formatIssue(issue)));
  const { cells, problems } = checkFileCells(envelope.output);
  const { format, formatVersion, notebook, datasets, models } = envelope.output;
  for (const problem of checkFileModels(models ?? [])) problems.push(problem); // no spread: there may be 100,000s
  if (problems.length > 0) throw describeProblems(problems);
  return { format, formatVersion, notebook: { name: notebook.name.trim(), cells }, datasets, ...(models && models.length > 0 ? { models } : {}) };
}

function describeProblems(problems: string[]): NotebookFormatError {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).join('; ');
  const more = problems.length > PROBLEMS_IN_MESSAGE ? `; and ${problems.length - PROBLEMS_IN_MESSAGE} more` : '';
  return new NotebookFormatError(`Cannot read this notebook file: ${shown}${more}.`, problems);
}
