// CSV text as a table of text columns, fed to core's CSV parser (papaparse's tokenizer, as the importer reads files)
// piece by piece; the contract types the columns later. `createCsvRowStream` hands rows on as they are parsed.

import { createCsvParser } from '../core/csv/parse-csv';
import { detectDelimiter } from '../core/csv/detect-delimiter';
import { DataError } from '../core/errors';
import type { Table } from '../core/table/types';
import { cellsToTable } from './read-csv-rows';

export interface CsvRowStream {
  /** Parses `text` (the next piece of the file); complete rows go to `onRows`. */
  feed(text: string): void;
  /** Parses what is left; returns the header (a file with a header only still has one). */
  finish(): readonly string[];
}

/** A parser that hands each parsed batch of rows (copied) to `onRows` with the header; the delimiter is detected from the first piece. */
export function createCsvRowStream(onRows: (rows: string[][], header: readonly string[]) => void): CsvRowStream {
  let parser: ReturnType<typeof createCsvParser> | null = null;
  const start = (sample: string) => createCsvParser(detectDelimiter(sample.slice(0, 65_536)), {
    onRows: (rows, _first, header) => onRows(rows.map((row) => [...row]), header),
  });
  return {
    feed(text) {
      if (text === '') return;
      parser ??= start(text);
      parser.feed(text);
    },
    finish() {
      if (parser === null) throw new DataError('The CSV is empty: send a header line and at least one row.');
      return parser.finish().header;
    },
  };
}

/** The whole of `text` as text columns (see cellsToTable). */
export function readCsvText(text: string): Table {
  const rows: string[][] = [];
  const stream = createCsvRowStream((batch) => {
    for (const row of batch) rows.push(row);
  });
  stream.feed(text);
  const header = stream.finish();
  return cellsToTable(header, rows);
}
