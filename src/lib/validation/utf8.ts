// Strict UTF-8: a file that is not valid UTF-8 is refused with the place of its first bad byte,
// never read with U+FFFD replacement characters in place of the bytes it could not decode.

/** Where a text stops being valid UTF-8. */
export interface Utf8Fault {
  /** 0-based offset of the first byte that is not part of a valid UTF-8 character. */
  offset: number;
  /** 1-based line of that byte (lines end at LF). */
  line: number;
  /** The byte itself, 0-255. */
  byte: number;
}

import { utf8Length } from '../utf8-scan';

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The offset of the first invalid byte (overlong forms, surrogates and code points above U+10FFFF included), or -1. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const length = utf8Length(bytes, i);
    if (length === 0) return i;
    i += length;
  }
  return -1;
}

/** Decodes UTF-8 strictly (a leading byte-order mark is dropped): the text, or where the first invalid byte is. */
export function decodeUtf8(bytes: Uint8Array): { text: string; fault?: undefined } | { text?: undefined; fault: Utf8Fault } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const offset = Math.max(0, firstInvalidByte(bytes));
    let line = 1;
    for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
    return { fault: { offset, line, byte: bytes[offset] ?? 0 } };
  }
}

/** The sentence for a file that is not UTF-8, naming the byte and its offset. */
export function utf8FaultMessage(fault: Utf8Fault): string {
  const hex = fault.byte.toString(16).toUpperCase().padStart(2, '0');
  return `is not valid UTF-8: byte 0x${hex} at byte offset ${fault.offset} (line ${fault.line}) is not part of a UTF-8 character; save the file with the UTF-8 encoding (it may have been written as Windows-1252 or Latin-1)`;
}
