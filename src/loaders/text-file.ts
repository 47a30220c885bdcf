// Reads content files as text, strictly: a file that is not valid UTF-8 is refused with the place
// of its first bad byte, never read with U+FFFD replacement characters in place of those bytes.
import fs from 'node:fs';
import { decodeUtf8, utf8FaultMessage } from '../lib/validation/utf8';

/** A file's text, or the sentence saying why it cannot be read as UTF-8 and the line of the first bad byte. */
export type TextFile = { text: string; fault?: undefined } | { text?: undefined; fault: { line: number; message: string } };

/** Reads `file` as strict UTF-8 (a leading byte-order mark is dropped). */
export function readTextFile(file: string): TextFile {
  const decoded = decodeUtf8(fs.readFileSync(file));
  if (decoded.fault) return { fault: { line: decoded.fault.line, message: utf8FaultMessage(decoded.fault) } };
  return { text: decoded.text };
}

/** Reads `file` as strict UTF-8, throwing (with the file, line and byte offset) when it is not. For callers that run after validation. */
export function readTextFileOrThrow(file: string): string {
  const read = readTextFile(file);
  if (read.fault) throw new Error(`${file}:${read.fault.line}: ${read.fault.message}`);
  return read.text;
}
