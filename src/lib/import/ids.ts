// Record ids: `firstauthor-year` in kebab-case ASCII, with a letter suffix (b, c, …) on collision.
import { familyName } from '../format';

/** Letters that Unicode decomposition does not reduce to ASCII. */
const transliterations: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ŀ: 'l',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
  ĸ: 'k',
};

/** Lower-case ASCII words joined by single hyphens: `Müller-Łukasiewicz` → `muller-lukasiewicz`. */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\u0000-\u007f]/g, (ch) => transliterations[ch] ?? ch)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/['’`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id a study would get before collisions: `firstauthor-year`, e.g. `nørgaard` 2024 → `norgaard-2024`. */
export function baseStudyId(authors: readonly string[], year: number | null | undefined, title = ''): string {
  const family = authors[0] ? asciiSlug(familyName(authors[0])) : '';
  // Without a usable author name (non-Latin script, none given) the title's first word stands in.
  const name =
    family ||
    asciiSlug(title)
      .split('-')
      .find((w) => w.length > 2) ||
    'study';
  return `${name}-${year ?? 'undated'}`;
}

/** `b` for 2, `c` for 3, … `z` for 26, `aa` for 27: the suffix of the n-th record with the same base id. */
function suffix(n: number): string {
  let out = '';
  for (let k = n - 1; k >= 0; k = Math.floor(k / 26) - 1) out = String.fromCharCode(97 + (k % 26)) + out;
  return out;
}

/** `base` if it is free, else `base` + b, c, … (`smith-2010`, `smith-2010b`, `smith-2010c`). */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const id = `${base}${suffix(n)}`;
    if (!taken.has(id)) return id;
  }
}
