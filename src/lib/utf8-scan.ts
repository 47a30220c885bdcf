// The UTF-8 byte rules, once: used by strict decoding of content files (src/lib/validation/utf8.ts)
// and by encoding detection of imports (src/lib/bibliography/decode.ts).

/** Length of the valid UTF-8 character starting at `i`, or 0 when the bytes there are not one (overlong forms, surrogates and code points above U+10FFFF are not). */
export function utf8Length(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) length = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    length = 3;
    if (b === 0xe0) low = 0xa0; // overlong
    if (b === 0xed) high = 0x9f; // UTF-16 surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    length = 4;
    if (b === 0xf0) low = 0x90; // overlong
    if (b === 0xf4) high = 0x8f; // above U+10FFFF
  } else return 0;
  for (let k = 1; k < length; k++) {
    const c = bytes[i + k];
    if (c === undefined || (k === 1 ? c < low || c > high : c < 0x80 || c > 0xbf)) return 0;
  }
  return length;
}
