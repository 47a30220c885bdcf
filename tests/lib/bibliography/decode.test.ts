// Exports are read from their bytes: UTF-8 as it is, UTF-16 by its byte-order mark, a legacy
// Windows-1252 / Latin-1 export converted and said so; anything else refused with its line and
// byte offset. No outcome ever holds U+FFFD.
import { describe, expect, test } from 'vitest';
import { decodeText, parseRis } from '../../../src/lib/bibliography';

const ris = (author: string) => `TY  - JOUR\nTI  - A title\nAU  - ${author}\nPY  - 2011\nER  - \n`;
const utf8 = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const latin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => new Uint8Array([0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]);

describe('decodeText', () => {
  test.each([
    ['UTF-8', utf8(ris('Müller, Anna'))],
    ['UTF-8 with a byte-order mark', new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(ris('Müller, Anna'))])],
  ])('reads %s as it is, without a byte-order mark and without a note', (_, bytes) => {
    expect(decodeText(bytes)).toEqual({ ok: true, text: ris('Müller, Anna'), encoding: 'utf-8' });
  });

  test.each([
    ['UTF-16 little-endian', utf16le(ris('Müller, Anna')), 'utf-16le'],
    ['UTF-16 big-endian', utf16be(ris('Müller, Anna')), 'utf-16be'],
  ])('decodes %s by its byte-order mark and says so', (_, bytes, encoding) => {
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: true, text: ris('Müller, Anna'), encoding, note: expect.stringContaining('UTF-16') });
  });

  test('converts a Windows-1252 / Latin-1 export, naming the first converted word, its line and byte offset', () => {
    const text = `${ris('Schäfer, Jörg')}${ris('M\u00fcller, Anna \u2013 \u201cquoted\u201d')}`;
    const bytes = new Uint8Array([...latin1(ris('Schäfer, Jörg')), ...cp1252Bytes(ris('Müller, Anna – “quoted”'))]);
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: true, text, encoding: 'windows-1252' });
    expect(result.ok && result.note).toBe(
      'the file is not UTF-8: read as Windows-1252 (Latin-1), converting 6 characters, the first "Schäfer" on line 3 (byte offset 34); check the accented letters in what was written',
    );
    expect(parseRis(result.ok ? result.text : '', 's').records.map((r) => r.authors[0])).toEqual([
      'Schäfer, Jörg',
      'Müller, Anna – “quoted”',
    ]);
  });

  test.each([
    [
      'UTF-8 mixed with a Latin-1 byte',
      new Uint8Array([...utf8(ris('Nørgaard, Søren')), ...latin1(ris('Müller, Anna'))]),
      { line: 8, offset: 99 },
      /^line 8, byte offset 99: byte 0xFC is not UTF-8, yet the file is UTF-8 elsewhere \(line 3 is UTF-8\)/,
    ],
    [
      'a UTF-8 byte-order mark before Latin-1 bytes',
      new Uint8Array([0xef, 0xbb, 0xbf, ...latin1(ris('Müller, Anna'))]),
      { line: 3, offset: 35 },
      /^line 3, byte offset 35: byte 0xFC is not UTF-8, yet the file is UTF-8 elsewhere \(the file starts with a UTF-8 byte-order mark\)/,
    ],
    [
      'a byte that neither UTF-8 nor Windows-1252 defines',
      new Uint8Array([...latin1('TY  - JOUR\nTI  - A\nAU  - M'), 0x81, ...latin1('ller, A\nER  - \n')]),
      { line: 3, offset: 26 },
      /^line 3, byte offset 26: byte 0x81 is neither UTF-8 nor Windows-1252 \/ Latin-1/,
    ],
    [
      'UTF-16 without a byte-order mark',
      new Uint8Array(Buffer.from(ris('Doe, Jane'), 'utf16le')),
      { line: 1, offset: 1 },
      /^line 1, byte offset 1: the file holds NUL bytes: it is UTF-16 without a byte-order mark/,
    ],
    [
      'text already damaged by an earlier conversion (U+FFFD)',
      utf8(ris('M\ufffdller, Anna')),
      { line: 3, offset: 32 },
      /^line 3, byte offset 32: the text holds U\+FFFD/,
    ],
  ])('refuses %s with the line and byte offset', (_, bytes, where, message) => {
    const result = decodeText(bytes);
    expect(result).toMatchObject({ ok: false, ...where });
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  test('never returns U+FFFD for any single byte 0x80-0xFF in an otherwise ASCII file', () => {
    for (let b = 0x80; b <= 0xff; b++) {
      const result = decodeText(new Uint8Array([...latin1('TI  - M'), b, ...latin1('ller\n')]));
      if (result.ok) expect(result.text).not.toContain('\ufffd');
      else expect(result.message).toMatch(/^line 1, byte offset 7: /);
    }
  });
});

/** Windows-1252 bytes of text (the typographic dash and quotes are 0x96, 0x93, 0x94; the rest as Latin-1). */
function cp1252Bytes(text: string): number[] {
  const extra: Record<string, number> = { '–': 0x96, '“': 0x93, '”': 0x94 };
  return [...text].map((ch) => extra[ch] ?? ch.charCodeAt(0));
}
