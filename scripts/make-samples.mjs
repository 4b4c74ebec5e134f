// Builds public/samples/*.csv and public/samples/index.json from datasets shipped in registry packages:
// vega-datasets@3.2.1 (npm, unpacked with `npm pack`) and Debian's python3-sklearn data files.
// Usage: node scripts/make-samples.mjs <vega-datasets package dir> [<sklearn datasets/data dir>]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const OUT_DIR = resolve(import.meta.dirname, '../public/samples');

/** Feature names of sklearn's load_breast_cancer, in file order (sklearn/datasets/_base.py). */
const BREAST_CANCER_FEATURES = ['radius', 'texture', 'perimeter', 'area', 'smoothness', 'compactness',
  'concavity', 'concave points', 'symmetry', 'fractal dimension'];
const BREAST_CANCER_COLUMNS = [
  ...BREAST_CANCER_FEATURES.map((f) => `mean ${f}`),
  ...BREAST_CANCER_FEATURES.map((f) => `${f} error`),
  ...BREAST_CANCER_FEATURES.map((f) => `worst ${f}`),
];

function main() {
  const [vegaArg, sklearnArg] = process.argv.slice(2);
  if (!vegaArg) {
    console.error('usage: node scripts/make-samples.mjs <vega-datasets dir> [<sklearn datasets/data dir>]\n' +
      'get vega-datasets with: cd /tmp && npm pack vega-datasets@3.2.1 && tar xzf vega-datasets-3.2.1.tgz ' +
      '(then pass /tmp/package)');
    process.exit(2);
  }
  const vegaDir = resolve(vegaArg);
  const vegaData = existsSync(join(vegaDir, 'data')) ? join(vegaDir, 'data') : vegaDir;
  const vegaVersion = readPackageVersion(vegaDir);
  const sklearnDir = sklearnArg ? resolve(sklearnArg) : locateSklearnData();

  mkdirSync(OUT_DIR, { recursive: true });
  const samples = [
    writeBreastCancer(sklearnDir),
    writePenguins(vegaData, vegaVersion),
    writeCars(vegaData, vegaVersion),
    writeSeattleWeather(vegaData, vegaVersion),
  ];
  writeFileSync(join(OUT_DIR, 'index.json'), JSON.stringify({ samples }, null, 2) + '\n');
  for (const s of samples) console.log(`${s.file}: ${s.rows} rows x ${s.columns} columns`);
}

function readPackageVersion(dir) {
  const pkg = join(dir, 'package.json');
  if (!existsSync(pkg)) return 'unknown';
  return JSON.parse(readFileSync(pkg, 'utf8')).version;
}

/** Asks Debian's python3-sklearn where its bundled data files live. */
function locateSklearnData() {
  const init = execFileSync('/usr/bin/python3', ['-c', 'import sklearn.datasets as d; print(d.__file__)'],
    { encoding: 'utf8' }).trim();
  return join(init, '..', 'data');
}

/** Sklearn's breast_cancer.csv: a "569,30,malignant,benign" header, then 30 features and a 0/1 target. */
function writeBreastCancer(sklearnDir) {
  const lines = readFileSync(join(sklearnDir, 'breast_cancer.csv'), 'utf8').trim().split(/\r?\n/);
  const [, , ...targetNames] = lines[0].split(',');
  const rows = lines.slice(1).map((line) => {
    const cells = line.split(',');
    const target = targetNames[Number(cells.pop())];
    return [...cells, target];
  });
  const header = [...BREAST_CANCER_COLUMNS, 'diagnosis'];
  return writeSample({
    id: 'breast-cancer', name: 'Breast cancer (Wisconsin diagnostic)', file: 'breast-cancer.csv',
    task: 'binary', target: 'diagnosis',
    description: 'Cell-nucleus measurements from 569 breast-mass biopsies; predict malignant vs benign.',
    source: 'UCI ML Repository via Debian python3-sklearn (sklearn/datasets/data/breast_cancer.csv)',
    license: 'CC BY 4.0',
  }, header, rows);
}

function writePenguins(vegaData, version) {
  const records = JSON.parse(readFileSync(join(vegaData, 'penguins.json'), 'utf8'));
  return writeRecords({
    id: 'penguins', name: 'Palmer penguins', file: 'penguins.csv', task: 'multiclass', target: 'Species',
    description: 'Bill, flipper and mass measurements of 344 penguins from three islands; ' +
      'predict the species. Has missing values and a stray "." in Sex.',
    source: `Palmer Station LTER / Allison Horst, via vega-datasets@${version} (data/penguins.json)`,
    license: 'CC0 1.0',
  }, records);
}

function writeCars(vegaData, version) {
  const records = JSON.parse(readFileSync(join(vegaData, 'cars.json'), 'utf8'));
  return writeRecords({
    id: 'cars', name: 'Cars (Auto MPG)', file: 'cars.csv', task: 'regression', target: 'Miles_per_Gallon',
    description: 'Specifications of 406 cars from 1970-1982; predict fuel economy. ' +
      'Missing values, a categorical Origin and a date Year.',
    source: `StatLib (CMU) via vega-datasets@${version} (data/cars.json)`,
    license: 'StatLib: distributed 1982 for educational and scientific purposes',
  }, records);
}

function writeSeattleWeather(vegaData, version) {
  const lines = readFileSync(join(vegaData, 'seattle-weather.csv'), 'utf8').trim().split(/\r?\n/);
  const header = lines[0].split(',');
  const rows = lines.slice(1).map((line) => line.split(','));
  return writeSample({
    id: 'seattle-weather', name: 'Seattle weather', file: 'seattle-weather.csv', task: 'multiclass',
    target: 'weather',
    description: 'Daily precipitation, temperature and wind in Seattle, 2012-2015; ' +
      'predict the kind of weather (rain, sun, fog, drizzle, snow).',
    source: `NOAA National Climatic Data Center via vega-datasets@${version} (data/seattle-weather.csv)`,
    license: 'U.S. Government work (public domain)',
  }, header, rows);
}

/** Writes JSON records (null → empty cell) with the header taken from the first record's keys. */
function writeRecords(meta, records) {
  const header = Object.keys(records[0]);
  const rows = records.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
  return writeSample(meta, header, rows);
}

function writeSample(meta, header, rows) {
  const text = [header, ...rows].map((cells) => cells.map(quoteCsvCell).join(',')).join('\n') + '\n';
  writeFileSync(join(OUT_DIR, meta.file), text);
  const { license, ...rest } = meta;
  return { ...rest, rows: rows.length, columns: header.length, license };
}

/** RFC 4180 quoting: only cells holding a comma, quote or line break are quoted. */
function quoteCsvCell(cell) {
  return /[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
}

main();
