// Strict UTF-8: the first invalid byte is found and named by offset and line; nothing becomes U+FFFD.
import { describe, expect, test } from 'vitest';
import { decodeUtf8, utf8FaultMessage } from '../../../src/lib/validation/utf8';

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

describe('decodeUtf8', () => {
  test('decodes valid UTF-8, accents and emoji included, and drops a byte-order mark', () => {
    expect(decodeUtf8(bytes('Müller ✓ 😀'))).toEqual({ text: 'Müller ✓ 😀' });
    expect(decodeUtf8(bytes([0xef, 0xbb, 0xbf], 'id: x'))).toEqual({ text: 'id: x' });
  });

  test.each([
    ['a Latin-1 "ü" (Windows-1252 export)', bytes('id: a\ntitle: M', [0xfc], 'ller\n'), 14, 2, 0xfc],
    ['a lone continuation byte', bytes('ab', [0x80]), 2, 1, 0x80],
    ['a sequence cut short', bytes('a\n\nb', [0xe2, 0x82]), 4, 3, 0xe2],
    ['an overlong encoding of "/"', bytes([0xc0, 0xaf]), 0, 1, 0xc0],
    ['an encoded UTF-16 surrogate', bytes('x', [0xed, 0xa0, 0x80]), 1, 1, 0xed],
    ['a code point above U+10FFFF', bytes([0xf4, 0x90, 0x80, 0x80]), 0, 1, 0xf4],
  ])('refuses %s, naming the offset and line of the first bad byte', (_, input, offset, line, byte) => {
    expect(decodeUtf8(input)).toEqual({ fault: { offset, line, byte } });
  });

  test('words the fault with the byte, its offset and its line', () => {
    const message = utf8FaultMessage({ offset: 14, line: 2, byte: 0xfc });
    expect(message).toContain('is not valid UTF-8: byte 0xFC at byte offset 14 (line 2)');
    expect(message).toContain('save the file with the UTF-8 encoding');
  });
});
