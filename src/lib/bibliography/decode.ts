// The bytes of an export as text, decoded strictly: reference managers write UTF-8 (with or
// without a byte-order mark), some UTF-16, and older ones Windows-1252 / Latin-1. A file is read
// as the encoding it is in, or refused with the place of the first byte that does not fit: never
// with U+FFFD replacement characters in place of the bytes that could not be decoded.
//
// The rule:
//   - a UTF-8 byte-order mark is dropped; UTF-16 LE/BE with a byte-order mark is decoded as such;
//   - valid UTF-8 is read as it is;
//   - bytes that are not UTF-8, in a file with no valid UTF-8 multi-byte character, are a legacy
//     single-byte export: decoded as Windows-1252 (of which printable Latin-1 is a subset), and the
//     conversion is reported with the first converted word, so the contributor can check it;
//   - refused: UTF-8 mixed with other bytes, bytes Windows-1252 does not define (0x81, 0x8D,
//     0x8F, 0x90, 0x9D), NUL bytes (UTF-16 without a byte-order mark, or not a text file), and
//     text that already holds U+FFFD (damaged by an earlier conversion).
import { utf8Length } from '../utf8-scan';

/** The encodings an export is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text, or where and why the bytes were refused. */
export type DecodeResult =
  | {
      ok: true;
      text: string;
      encoding: TextEncodingName;
      /** Set when the text was converted from a legacy encoding, or decoded from UTF-16: a sentence for the summary. */
      note?: string;
    }
  | {
      ok: false;
      /** 1-based line of the first byte refused (lines end at LF). */
      line: number;
      /** 0-based offset of that byte from the start of the file. */
      offset: number;
      /** A sentence saying what is wrong and what to do, beginning with the line and byte offset. */
      message: string;
    };

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Windows-1252's characters for bytes 0x80-0x9F (undefined ones: empty); from 0xA0 on it is Latin-1. */
const CP1252_HIGH = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';
/** Bytes Windows-1252 leaves undefined. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * Bytes as Windows-1252 text. Written out rather than TextDecoder('windows-1252'), which Node
 * (up to 23 at least) decodes as ISO-8859-1, turning 0x93 into a C1 control instead of “.
 */
const windows1252 = {
  decode(bytes: Uint8Array): string {
    let out = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      const chunk = bytes.subarray(i, i + 8192);
      out += String.fromCharCode(...chunk);
    }
    return out.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH[ch.charCodeAt(0) - 0x80] ?? ch);
  },
};

const hex = (b: number) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;

/** The 1-based line of a byte offset. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The first byte that is not UTF-8 (-1 when all are) and the offset of the first valid multi-byte character (-1 when none). */
function scanUtf8(bytes: Uint8Array, from: number): { invalid: number; multibyte: number } {
  let invalid = -1;
  let multibyte = -1;
  for (let i = from; i < bytes.length;) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const length = utf8Length(bytes, i);
    if (length === 0) {
      if (invalid < 0) invalid = i;
      i++;
    } else {
      if (multibyte < 0) multibyte = i;
      i += length;
    }
    if (invalid >= 0 && multibyte >= 0) break;
  }
  return { invalid, multibyte };
}

/** The word around a byte offset in the decoded legacy text, for the conversion note. */
function wordAround(bytes: Uint8Array, offset: number): string {
  let start = offset;
  let end = offset + 1;
  const isWordByte = (b: number | undefined) => b !== undefined && b > 0x20 && b !== 0x2c && b !== 0x3b;
  while (start > 0 && offset - start < 30 && isWordByte(bytes[start - 1])) start--;
  while (end < bytes.length && end - offset < 30 && isWordByte(bytes[end])) end++;
  return windows1252.decode(bytes.subarray(start, end));
}

function refuse(bytes: Uint8Array, offset: number, problem: string): DecodeResult {
  const line = lineAt(bytes, offset);
  return { ok: false, line, offset, message: `line ${line}, byte offset ${offset}: ${problem}` };
}

/** The first NUL or U+FFFD in decoded text, as a refusal; undefined when there is none. */
function checkText(bytes: Uint8Array, text: string, encoding: TextEncodingName): DecodeResult | undefined {
  const bad = /[\u0000\ufffd]/.exec(text);
  if (!bad) return undefined;
  // The byte offset of the character: exact for UTF-8 and single-byte text, two bytes a unit for UTF-16.
  const before = text.slice(0, bad.index);
  const bomLength = encoding === 'utf-8' ? (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0) : 2;
  const offset =
    encoding === 'utf-8'
      ? bomLength + new TextEncoder().encode(before).length
      : encoding === 'windows-1252'
        ? bad.index
        : 2 + 2 * bad.index;
  const ch = bad[0];
  if (ch === '\ufffd')
    return refuse(
      bytes,
      offset,
      'the text holds U+FFFD "\ufffd", the replacement character: an earlier conversion already lost the letter that stood here; export the file again as UTF-8',
    );
  return refuse(
    bytes,
    offset,
    'the file holds NUL bytes: it is UTF-16 without a byte-order mark, or not a text file; export it again as UTF-8',
  );
}

/** Decodes an export's bytes (see the rule at the top of this file). */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes, 'utf-16be');
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let text: string | undefined;
  try {
    text = utf8.decode(bytes.subarray(bom));
  } catch {
    text = undefined;
  }
  if (text !== undefined) return checkText(bytes, text, 'utf-8') ?? { ok: true, text, encoding: 'utf-8' };

  const { invalid, multibyte } = scanUtf8(bytes, bom);
  const at = Math.max(invalid, bom);
  const b = bytes[at] ?? 0;
  if (bom > 0 || multibyte >= 0) {
    const where = multibyte >= 0 ? ` (line ${lineAt(bytes, multibyte)} is UTF-8)` : ' (the file starts with a UTF-8 byte-order mark)';
    return refuse(
      bytes,
      at,
      `byte ${hex(b)} is not UTF-8, yet the file is UTF-8 elsewhere${where}: it mixes two encodings, so no conversion is safe; fix the bytes here or export the file again as UTF-8`,
    );
  }
  for (let i = at; i < bytes.length; i++) {
    if (UNDEFINED_1252.has(bytes[i]!))
      return refuse(
        bytes,
        i,
        `byte ${hex(bytes[i]!)} is neither UTF-8 nor Windows-1252 / Latin-1, so the file's encoding is unknown; export it again as UTF-8`,
      );
  }
  const legacy = windows1252.decode(bytes);
  const damaged = checkText(bytes, legacy, 'windows-1252');
  if (damaged) return damaged;
  let converted = 0;
  for (const byte of bytes) if (byte >= 0x80) converted++;
  const line = lineAt(bytes, at);
  return {
    ok: true,
    text: legacy,
    encoding: 'windows-1252',
    note: `the file is not UTF-8: read as Windows-1252 (Latin-1), converting ${converted} character${converted === 1 ? '' : 's'}, the first "${wordAround(bytes, at)}" on line ${line} (byte offset ${at}); check the accented letters in what was written`,
  };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodeResult {
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(2));
  } catch {
    return refuse(
      bytes,
      bytes.length - (bytes.length % 2 === 1 ? 1 : 2),
      `the file starts with a ${encoding.toUpperCase()} byte-order mark but is not valid ${encoding.toUpperCase()} (a lone surrogate or an odd number of bytes); export it again as UTF-8`,
    );
  }
  return (
    checkText(bytes, text, encoding) ?? {
      ok: true,
      text,
      encoding,
      note: `the file is ${encoding === 'utf-16le' ? 'UTF-16 (little-endian)' : 'UTF-16 (big-endian)'}: decoded as such`,
    }
  );
}
