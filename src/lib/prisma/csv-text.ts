// Comma-separated values (RFC 4180): quoted fields may hold commas, doubled quotes and line
// breaks. Rows keep the line they start on, so problems can point at `file:line`.
import { csvField } from '../format';

/** One row of a CSV file. */
export interface CsvRow {
  /** 1-based line the row starts on. */
  line: number;
  fields: string[];
}

/** A row or file the reader could not make sense of. */
export interface CsvTextProblem {
  line: number;
  message: string;
}

/** Reads CSV text (CRLF or LF, optional byte-order mark) into rows; blank lines are skipped. */
export function parseCsvText(text: string): { rows: CsvRow[]; problems: CsvTextProblem[] } {
  const source = text.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const problems: CsvTextProblem[] = [];
  let line = 1;
  let rowLine = 1;
  let field = '';
  let fields: string[] = [];
  let quoted = false;
  let fieldStarted = false;
  const endRow = () => {
    fields.push(field);
    if (!(fields.length === 1 && fields[0] === '' && !fieldStarted)) rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        if (ch === '\r' && source[i + 1] === '\n') continue;
        field += ch === '\r' ? '\n' : ch;
      }
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      fieldStarted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
      fieldStarted = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
      line++;
      rowLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) problems.push({ line: rowLine, message: `the quoted field that starts on line ${rowLine} is never closed` });
  if (field !== '' || fields.length > 0 || fieldStarted) endRow();
  return { rows, problems };
}

/** Joins fields into one CSV line (without the line end), each quoted as format.ts's csvField quotes it. */
export function formatCsvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}
