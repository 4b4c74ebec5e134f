"""Reference reads from pandas for the CSV importer's corner cases (src/core/csv, src/core/ingest).

Run with /usr/bin/python3 scripts/reference/import_reference.py (pandas 1.5, its C parser).
Writes src/core/ingest/fixtures/pandas-reads.json: per case the text, the delimiter pandas was given, and what
pandas read with every cell kept as text (dtype=str, no missing-value tokens): the header and the rows.
"""
import io
import json
import os

import pandas as pd

ROOT = os.path.join(os.path.dirname(__file__), '..', '..')
OUT = os.path.join(ROOT, 'src', 'core', 'ingest', 'fixtures', 'pandas-reads.json')

CASES = {
    # Leading lines of spaces and tabs (skip_blank_lines skips lines of ' ' and '\t' that are not the delimiter).
    'spaces-first': ('   \ncity,n\nOslo,1\nBergen,2\n', ','),
    'tab-first': ('\t\ncity,n\nOslo,1\nBergen,2\n', ','),
    'blank-space-and-tab-lines-first': ('\n  \n \t \ncity,n\nOslo,1\nBergen,2\n', ','),
    'spaces-first-tsv': ('  \ncity\tn\nOslo\t1\nBergen\t2\n', '\t'),
    'spaces-first-one-column': ('  \ncity\nOslo\nBergen\n', ','),
    # A lone CR (not followed by LF) ends a row, as '\n' and '\r\n' do; inside quotes it is text.
    'lone-cr-in-lf-file': ('a,b\n1,2\r3,4\n5,6\n', ','),
    'lone-cr-in-crlf-file': ('a,b\r\n1,2\r3,4\r\n5,6\r\n', ','),
    'lone-cr-in-quotes': ('a,b\n1,"x\ry"\n5,6\n', ','),
    # Spaces between a closing quote and the delimiter: pandas keeps them (the importer drops them, as papaparse does).
    'spaces-after-closing-quote': ('st,n\n"NY" ,1\nNY,2\n', ','),
}


def read(text, sep):
    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    return {'header': [str(c) for c in frame.columns], 'rows': frame.values.tolist()}


def main():
    cases = {name: {'text': text, 'delimiter': sep, **read(text, sep)} for name, (text, sep) in CASES.items()}
    with open(OUT, 'w') as f:
        json.dump({'pandas': pd.__version__, 'cases': cases}, f, indent=1, ensure_ascii=False)
        f.write('\n')


if __name__ == '__main__':
    main()
