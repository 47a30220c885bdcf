// Author names in the form study records use, "Family, Given": shared by the importers
// (src/lib/import) and the fixes validation suggests (src/lib/validation).
import { expandShortAuthor } from './nbib';

const PERSON = /^[^,]+, [^,]+$/;
/** Words that mark a group or organisation rather than a person. */
const ORGANISATION =
  /\b(group|consortium|collaborat\w*|network|association|society|institute|team|committee|organi[sz]ation|council|cent(?:er|re)|university|investigators|foundation|trial|study)\b/i;
/** MEDLINE-style initials after a family name: `Smith JB`, `Smith J.B.`. */
const TRAILING_INITIALS = /^(.+?)\s+((?:[A-Z]\.?\s?){1,4})$/u;

/**
 * One author as `"Family, Given"`, or undefined when the name cannot be written so (an organisation,
 * a single name). Accepts `Family, Given`, `Family,Given`, `Family, Given, Jr.`, `Family JB` and `Given Family`.
 */
export function normaliseAuthor(name: string): string | undefined {
  const text = name.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (text.includes(',')) {
    const [family = '', ...rest] = text.split(',').map((part) => part.trim());
    const given = rest.filter(Boolean).join(' ');
    const out = `${family}, ${given}`;
    return family && given && PERSON.test(out) ? out : undefined;
  }
  if (ORGANISATION.test(text)) return undefined;
  const initials = TRAILING_INITIALS.exec(text);
  if (initials?.[1] && initials[2]) return normaliseAuthor(expandShortAuthor(`${initials[1]} ${initials[2].replace(/[.\s]/g, '')}`));
  const words = text.split(' ');
  if (words.length < 2) return undefined;
  return `${words[words.length - 1]}, ${words.slice(0, -1).join(' ')}`;
}
