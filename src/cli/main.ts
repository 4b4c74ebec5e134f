// `ml-studio` on the command line: `run` takes a notebook file, binds its Data cells to files, runs every cell
// through the core runtime in this process and writes results.json and runs/<id>.json (and, for a notebook that
// monitors models, registry.json and monitor-history.json). Exit codes: 0 every cell done (and no Monitor cell
// alerted, no model changed), 1 a cell failed, 2 a bad invocation or notebook file, 3 a Retrain cell's challenger
// passed its gate, 4 a Monitor cell alerted and no challenger passed, or a gate failed (decide-exit-code.ts).

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import { bindData, listDataCells, listModelDatasets, listTrainingDataSources, parseDataOption } from './bind-data';
import { EXIT_CODES } from './decide-exit-code';
import { exportCommand, type ExportOptions } from './export-command';
import { createHeadlessNotebook, readNotebookFile } from './read-notebook';
import { createHeadlessRegistry } from './headless-registry';
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
    .option('--out <dir>', 'write results.json (every cell: status, duration, key output), runs/<id>.json (fitted pipeline + model), predictions/*.csv (Predict cells), exports/<name>.zip (Export cells), and registry.json + monitor-history.json (Monitor and Retrain cells) here')
    .option('--json', 'print results.json to standard output')
    .option('--quiet', 'no progress on standard error')
    .addHelpText('after', [
      '',
      'Datasets: a Data cell is named by its dataset; without --data it reads the file the notebook names',
      '(a bundled sample, or a file next to the notebook), or a dataset embedded in the notebook file.',
      'A Monitor cell reads the model versions the notebook file carries; --data NAME=path may also name the',
      'dataset a version was trained on (its scores there are the prediction-drift reference; "append" retrains need it).',
      '',
      'Exit codes:',
      '  0  every cell done; no Monitor cell alerted and no model changed',
      '  1  a cell failed (its error is printed)',
      '  2  a bad invocation or notebook file',
      '  3  a Retrain cell\'s challenger passed its gate: a new version was registered (promoted when the cell says auto)',
      '  4  a person should look: a Monitor cell alerted and no challenger passed (its gate failed, or no Retrain',
      '     cell ran), or a gate failed without an alert',
      '',
      'Example: ml-studio run examples/penguins.notebook.json --data penguins=public/samples/penguins.csv --out /tmp/x',
      'Scheduled: ml-studio run monitor.notebook.json --data batch=new.csv --out runs/$(date +%F); echo $?',
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
    const data = options.data.map(parseDataOption);
    const bindings = bindData(listDataCells(notebookFile), { data, notebookDir: dirname(resolve(file)), samplesDir: SAMPLES_DIR, modelDatasets: listModelDatasets(notebookFile) });
    const monitor = { registry: createHeadlessRegistry(notebookFile.models ?? []), trainingData: listTrainingDataSources(notebookFile, data, SAMPLES_DIR) };
    say(`ml-studio: running "${notebook.name}" (${notebook.cells.length} cells)`);
    run = await runNotebookHeadless(notebook, bindings, say, monitor);
  } catch (error) {
    process.stderr.write(`ml-studio: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_CODES.badInvocation;
  }
  if (options.out) await writeResults(resolve(options.out), run);
  if (options.json) process.stdout.write(`${JSON.stringify(run.results, null, 2)}\n`);
  const failed = run.results.failed;
  if (failed) {
    process.stderr.write(`ml-studio: cell ${failed.index + 1} (${failed.title}) ${failed.status === 'waiting' ? 'cannot run' : 'failed'}: ${failed.error ?? failed.waiting ?? failed.status}\n`);
    return EXIT_CODES.cellFailed;
  }
  say(`ml-studio: done in ${(run.results.durationMs / 1000).toFixed(1)} s${options.out ? ` — results in ${options.out}` : ''}`);
  const outcome = run.monitoring?.outcome;
  if (!outcome) return EXIT_CODES.done;
  // The verdict is what a scheduler's log needs, so it is printed even with --quiet.
  process.stderr.write(`ml-studio: ${outcome.message}\n`);
  return outcome.exitCode;
}

/** results.json, one runs/<id>.json per run (the same JSON the browser stores), Predict cells' CSV, Export cells' zip, the registry and monitoring history. */
async function writeResults(dir: string, run: HeadlessRun): Promise<void> {
  await mkdir(join(dir, 'runs'), { recursive: true });
  await writeFile(join(dir, 'results.json'), `${JSON.stringify(run.results, null, 2)}\n`);
  for (const [id, trained] of run.runs) await writeFile(join(dir, 'runs', `${id}.json`), `${JSON.stringify(trained)}\n`);
  if (run.monitoring) {
    await writeFile(join(dir, 'registry.json'), `${JSON.stringify(run.monitoring.registry, null, 2)}\n`);
    await writeFile(join(dir, 'monitor-history.json'), `${JSON.stringify(run.monitoring.history, null, 2)}\n`);
  }
  for (const [path, blob] of run.files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), new Uint8Array(await blob.arrayBuffer()));
  }
}
