// `npm run new-study`: a study record from a contributor's answers (flags or prompts). Values are
// tidied where the intent is plain (a DOI URL becomes a bare DOI, "Smith JB" becomes "Smith, J. B.")
// and otherwise kept as typed, so the schema can say exactly what is wrong with them.
import { normaliseDoi, normalisePmid } from '../bibliography';
import type { StudyInput, Verification } from '../../schemas';
import { normaliseAuthor, normalisePages, type DraftCitation } from './citation';
import { draftStudy } from './draft';

/** The answers, as text (flags and prompts give text). */
export interface ScaffoldAnswers {
  title?: string | undefined;
  year?: string | undefined;
  /** `"Family, Given; Family, Given"`. */
  authors?: string | undefined;
  journal?: string | undefined;
  volume?: string | undefined;
  issue?: string | undefined;
  pages?: string | undefined;
  doi?: string | undefined;
  pmid?: string | undefined;
  design?: string | undefined;
  population?: string | undefined;
  /** Separated by commas, semicolons or spaces. */
  conditions?: string | undefined;
  'sample-size'?: string | undefined;
  /** Separated by commas, semicolons or spaces. */
  modalities?: string | undefined;
  comparator?: string | undefined;
  intervention?: string | undefined;
  summary?: string | undefined;
}

/** The answers a record cannot do without, in the order they are asked for. */
export const requiredAnswers = [
  { key: 'title', question: 'Title of the paper' },
  { key: 'year', question: 'Year of publication' },
  { key: 'authors', question: 'Authors, "Family, Given" separated by ";" (e.g. Germain, V.; Marchand, A.)' },
  { key: 'journal', question: 'Journal' },
] as const satisfies readonly { key: keyof ScaffoldAnswers; question: string }[];

/** Answers that help but may be left empty, asked after the required ones. */
export const optionalAnswers = [
  { key: 'doi', question: 'DOI (optional)' },
  { key: 'pmid', question: 'PubMed ID (optional)' },
] as const satisfies readonly { key: keyof ScaffoldAnswers; question: string }[];

const clean = (v: string | undefined) => (v === undefined ? undefined : v.trim() === '' ? undefined : v.trim());
const list = (v: string | undefined) =>
  clean(v)
    ?.split(/[,;\s]+/)
    .filter(Boolean);

/**
 * Fills in missing answers by asking (`ask` returns the typed text; empty = skip). Only what is
 * missing is asked; the answers given as flags are kept.
 */
export async function askMissing(answers: ScaffoldAnswers, ask: (question: string) => Promise<string>): Promise<ScaffoldAnswers> {
  const out: ScaffoldAnswers = { ...answers };
  for (const { key, question } of [...requiredAnswers, ...optionalAnswers]) {
    if (clean(out[key]) !== undefined) continue;
    const reply = clean(await ask(`${question}: `));
    if (reply !== undefined) out[key] = reply;
  }
  return out;
}

/** The citation part of the answers; values that cannot be tidied are kept as typed for the schema to explain. */
export function citationFromAnswers(answers: ScaffoldAnswers): Partial<DraftCitation> & Record<string, unknown> {
  const c: Record<string, unknown> = {};
  const title = clean(answers.title);
  if (title) c['title'] = title;
  const year = clean(answers.year);
  if (year) c['year'] = /^\d{4}$/.test(year) ? Number(year) : year;
  const journal = clean(answers.journal);
  if (journal) c['journal'] = journal;
  const authors = clean(answers.authors)
    ?.split(';')
    .map((a) => a.trim())
    .filter(Boolean);
  if (authors) c['authors'] = authors.map((a) => normaliseAuthor(a) ?? a);
  for (const key of ['volume', 'issue'] as const) {
    const v = clean(answers[key]);
    if (v) c[key] = v;
  }
  const pages = clean(answers.pages);
  if (pages) c['pages'] = normalisePages(pages);
  const doi = clean(answers.doi);
  if (doi) c['doi'] = normaliseDoi(doi) ?? doi;
  const pmid = clean(answers.pmid);
  if (pmid) c['pmid'] = normalisePmid(pmid) ?? pmid;
  return c as Partial<DraftCitation> & Record<string, unknown>;
}

/** A study record from the answers; fields not answered get the draft placeholders and are listed as unverified. */
export function scaffoldStudy(
  answers: ScaffoldAnswers,
  options: { id: string; review: string; today: string; verification?: Verification },
): StudyInput {
  const known: Record<string, unknown> = {};
  const text = (key: keyof ScaffoldAnswers) => clean(answers[key]);
  if (text('design')) known['design'] = text('design');
  if (text('population')) known['population'] = text('population');
  if (list(answers.conditions)) known['conditions'] = list(answers.conditions);
  if (list(answers.modalities)) known['modalities'] = list(answers.modalities);
  if (text('comparator')) known['comparator'] = text('comparator');
  if (text('intervention')) known['intervention'] = text('intervention');
  if (text('summary')) known['summary'] = text('summary');
  const size = text('sample-size');
  if (size !== undefined)
    known['sample_size'] = /^\d+$/.test(size) ? Number(size) : /^(null|unknown|not reported|nr)$/i.test(size) ? null : size;
  return draftStudy(citationFromAnswers(answers), {
    id: options.id,
    review: options.review,
    today: options.today,
    origin: 'npm run new-study',
    verification: options.verification ?? 'bibliographic',
    summaryPlaceholder: 'Draft scaffolded with npm run new-study; summary to be written.',
    sourceNote: 'Bibliographic record.',
    known: known as NonNullable<Parameters<typeof draftStudy>[1]['known']>,
  });
}
