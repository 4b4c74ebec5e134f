// `ml-studio` on the command line: `run` takes a notebook file, binds its Data cells to files, runs every cell
// through the core runtime in this process and writes results.json and runs/<id>.json. Exit codes: 0 every cell
// done, 1 a cell failed, 2 a bad invocation or notebook file.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { bindData, listDataCells, parseDataOption } from './bind-data';
import { exportCommand, type ExportOptions } from './export-command';
import { createHeadlessNotebook, readNotebookFile } from './read-notebook';
import { runNotebookHeadless, type HeadlessRun } from './run-notebook';

const SAMPLES_DIR = fileURLToPath(new URL('../../public/samples/', import.meta.url));

interface RunOptions {
  data: string[];
  out?: string;
  json?: boolean;
  quiet?: boolean;
}

/** Runs the command line `argv` (process.argv); resolves with the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('ml-studio')
    .description('ML Studio without the browser: run a notebook exported from the studio (or one of examples/) on Node.')
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) });
  program.command('run')
    .description('Run every cell of a notebook file in order and write what each produced.')
    .argument('<notebook>', 'a notebook file (.notebook.json), as "Export notebook" writes it')
    .option('--data <NAME=path>', 'read the Data cell whose dataset is NAME from this file (CSV, TSV, JSON or Parquet); repeat for each dataset', (value: string, list: string[]) => [...list, value], [])
    .option('--out <dir>', 'write results.json (every cell: status, duration, key output), runs/<id>.json (fitted pipeline + model), predictions/*.csv (Predict cells) and exports/<name>.zip (Export cells) here')
    .option('--json', 'print results.json to standard output')
    .option('--quiet', 'no progress on standard error')
    .addHelpText('after', [
      '',
      'Datasets: a Data cell is named by its dataset; without --data it reads the file the notebook names',
      '(a bundled sample, or a file next to the notebook), or a dataset embedded in the notebook file.',
      'Exit codes: 0 every cell done, 1 a cell failed (its error is printed), 2 a bad invocation or notebook file.',
      '',
      'Example: ml-studio run examples/penguins.notebook.json --data penguins=public/samples/penguins.csv --out /tmp/x',
    ].join('\n'))
    .action(async (file: string, options: RunOptions) => {
      exitCode = await runCommand(file, options);
    });
  program.command('export')
    .description('Package a trained run as a deployable bundle: model.onnx, predict.mjs / serve.mjs / score.mjs, Triton, KServe and Docker files.')
    .argument('<run>', 'a run file, runs/<id>.json as `ml-studio run --out` writes it')
    .requiredOption('--out <bundle.zip|dir>', 'write the bundle as this zip, or as files in this folder')
    .option('--name <name>', 'the bundle\'s name (default: the run\'s label)')
    .action(async (file: string, options: ExportOptions) => {
      exitCode = await exportCommand(file, options, (line) => process.stderr.write(`${line}\n`));
    });
  try {
    await program.parseAsync([...argv]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return exitCode;
}

async function runCommand(file: string, options: RunOptions): Promise<number> {
  const say = (line: string) => void (options.quiet ? undefined : process.stderr.write(`${line}\n`));
  let run: HeadlessRun;
  try {
    const notebookFile = await readNotebookFile(resolve(file));
    const notebook = createHeadlessNotebook(notebookFile);
    const bindings = bindData(listDataCells(notebookFile), { data: options.data.map(parseDataOption), notebookDir: dirname(resolve(file)), samplesDir: SAMPLES_DIR });
    say(`ml-studio: running "${notebook.name}" (${notebook.cells.length} cells)`);
    run = await runNotebookHeadless(notebook, bindings, say);
  } catch (error) {
    process.stderr.write(`ml-studio: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  if (options.out) await writeResults(resolve(options.out), run);
  if (options.json) process.stdout.write(`${JSON.stringify(run.results, null, 2)}\n`);
  const failed = run.results.failed;
  if (failed) {
    process.stderr.write(`ml-studio: cell ${failed.index + 1} (${failed.title}) ${failed.status === 'waiting' ? 'cannot run' : 'failed'}: ${failed.error ?? failed.waiting ?? failed.status}\n`);
    return 1;
  }
  say(`ml-studio: done in ${(run.results.durationMs / 1000).toFixed(1)} s${options.out ? ` — results in ${options.out}` : ''}`);
  return 0;
}

/** results.json, one runs/<id>.json per trained run (the same JSON the browser stores), Predict cells' CSV and Export cells' zip. */
async function writeResults(dir: string, run: HeadlessRun): Promise<void> {
  await mkdir(join(dir, 'runs'), { recursive: true });
  await writeFile(join(dir, 'results.json'), `${JSON.stringify(run.results, null, 2)}\n`);
  for (const [id, trained] of run.runs) await writeFile(join(dir, 'runs', `${id}.json`), `${JSON.stringify(trained)}\n`);
  for (const [path, blob] of run.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), new Uint8Array(await blob.arrayBuffer()));
  }
}
