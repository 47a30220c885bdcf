// The summary an import prints: what was written, what was skipped as a duplicate, what could not be read.
import type { BibFormat, BibProblem, BibRecord } from '../bibliography';
import type { DuplicateFinding, DuplicateReason } from './duplicates';
import type { ImportPlan } from './plan';
import { countNoun, familyName } from '../format';

/** Names of the formats as a contributor knows them. */
export const formatNames: Readonly<Record<BibFormat, string>> = {
  ris: 'RIS',
  bibtex: 'BibTeX',
  nbib: 'PubMed MEDLINE',
  wos: 'Web of Science',
  'csl-json': 'CSL-JSON',
};

/** `"A short title…" (Family, 2010)`: an entry as a contributor recognises it. */
export function describeEntry(record: BibRecord): string {
  const title = record.title.length > 70 ? `${record.title.slice(0, 67)}...` : record.title;
  const who = [familyName(record.authors[0]), record.year ?? 'no year'].filter(Boolean).join(', ');
  return `"${title}" (${who})`;
}

const reasonText: Readonly<Record<DuplicateReason, (r: BibRecord) => string>> = {
  doi: (r) => `same DOI (${r.doi ?? ''})`,
  pmid: (r) => `same PMID (${r.pmid ?? ''})`,
  title: () => 'same title, year and first author',
  'similar-title': () => 'near-identical title, the same year and first author',
};

/** One duplicate as a sentence: what it duplicates and how that was recognised. */
export function describeDuplicate(d: DuplicateFinding): string {
  const target = 'study' in d.of ? `${d.of.study.file} (${d.of.study.id})` : `${describeEntry(d.of.entry)} earlier in this file`;
  return `${describeEntry(d.record)}: ${reasonText[d.reason](d.record)} as ${target}`;
}

/**
 * True when the parser left the entry out (no title, unreadable entry or file); false for a fault in
 * an entry it still read (such as a missing ER line) or a stray line.
 * Stopgap: BibProblem does not say whether its entry was skipped, so this goes by the parsers'
 * wording (tests/scripts/import.test.ts checks it against their real output).
 */
export function isSkippedEntry(problem: BibProblem): boolean {
  return /has no title|could not be read|is not a BibTeX entry|is not a CSL-JSON object|is not valid JSON/.test(problem.message);
}

/** What happened to each draft: the path it was (or would be) written to, or why it was not. */
export interface WriteOutcome {
  id: string;
  path: string;
  /** Set when the file was not written (it already exists: files are never overwritten). */
  refused?: string;
}

/** The printed summary of one file's import. */
export function formatImportSummary(input: {
  file: string;
  format: BibFormat;
  plan: ImportPlan;
  outcomes: readonly WriteOutcome[];
  dryRun: boolean;
  /** How the file was read, when it was not plain UTF-8 (a conversion from a legacy encoding), as a sentence. */
  encoding?: string | undefined;
  /** Set when the format was recognised by the file's content rather than its extension. */
  byContent?: boolean | undefined;
}): string {
  const { file, format, plan, outcomes, dryRun } = input;
  const lines: string[] = [];
  const how = input.byContent ? `${formatNames[format]}, recognised by its content` : formatNames[format];
  lines.push(`${file} (${how}): ${countNoun(plan.read, 'entry', 'entries')} read.`);
  if (input.encoding) lines.push(`Encoding: ${input.encoding}.`);
  const written = outcomes.filter((o) => !o.refused);
  const refused = outcomes.filter((o) => o.refused);
  const notesById = new Map(plan.drafts.map((d) => [d.id, d]));
  lines.push(`${dryRun ? 'Would write' : 'Written'} (${written.length}):`);
  for (const o of written) {
    const draft = notesById.get(o.id);
    lines.push(`  ${o.path}  ${draft ? describeEntry(draft.record) : ''}`.trimEnd());
    for (const note of draft?.notes ?? []) lines.push(`    note: ${note}`);
  }
  if (refused.length > 0) {
    lines.push(`Not written (${refused.length}):`);
    for (const o of refused) lines.push(`  ${o.path}: ${o.refused}`);
  }
  lines.push(`Duplicates skipped (${plan.duplicates.length}):`);
  for (const d of plan.duplicates) lines.push(`  ${describeDuplicate(d)}`);
  const skipped = plan.fileProblems.filter(isSkippedEntry);
  const unreadable = [...skipped.map((p) => p.message), ...plan.unusable.map((u) => `${describeEntry(u.record)} ${u.reason}`)];
  lines.push(`Could not be read (${unreadable.length}):`);
  for (const p of unreadable) lines.push(`  ${p}`);
  if (unreadable.length > 0)
    lines.push(
      '  (fix these in the export and import it again: what was written is then skipped as a duplicate; or add them with npm run new-study)',
    );
  const other = plan.fileProblems.filter((p) => !isSkippedEntry(p));
  if (other.length > 0) {
    lines.push(`Other problems in the file (${other.length}):`);
    for (const p of other) lines.push(`  ${p.message}`);
  }
  if (plan.read === 0) lines.push(`Nothing could be read from ${file}: is it a ${formatNames[format]} export?`);
  return lines.join('\n');
}
