// npm run new-study -- [--title ... --year ... --authors "Family, Given; Family, Given" --journal ...]
// Scaffolds a study record in content/studies/<id>.yaml from flags, asking in a terminal for what
// is missing. The record is checked exactly as `npm run validate` checks it before anything is
// written; an invalid record, or an existing file, is never written.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { findDuplicates } from '../src/lib/import/duplicates';
import { baseStudyId, uniqueId } from '../src/lib/import/ids';
import { chooseReview } from '../src/lib/import/plan';
import { askMissing, citationFromAnswers, scaffoldStudy, type ScaffoldAnswers } from '../src/lib/import/scaffold';
import { describeDuplicate } from '../src/lib/import/summary';
import { studyToYaml } from '../src/lib/import/yaml';
import { formatProblem } from '../src/lib/validation/problem';
import { kebabId, verifications, type Verification } from '../src/schemas';
import { contentDir as contentDirectory } from '../src/loaders/content-dir';
import { displayPath, newStudyChecker, readKnownStudies, reviewIds, takenIds, today, writeNewFile } from './lib/import';

const answerFlags = [
  'title',
  'year',
  'authors',
  'journal',
  'volume',
  'issue',
  'pages',
  'doi',
  'pmid',
  'design',
  'population',
  'conditions',
  'sample-size',
  'modalities',
  'comparator',
  'intervention',
  'summary',
] as const;

const usage = `Usage: npm run new-study -- [options]

Citation (asked for in a terminal when missing):
  --title <text>  --year <yyyy>  --authors "Family, Given; Family, Given"  --journal <name>
  --volume <v>  --issue <n>  --pages <95-105>  --doi <10.x/...>  --pmid <digits>
Study (placeholders listed in provenance.unverified_fields when not given):
  --design <rct|non-randomized|single-group|analogue|case-series|qualitative|other>
  --population <text>  --conditions <ptsd,panic,...>  --sample-size <n>
  --modalities <email,chat,videoconference,telephone,internet-program,virtual-reality>
  --comparator <face-to-face|waitlist|none|other>  --intervention <text>  --summary <text>
Record:
  --review <id>           review the study is proposed for (default: the only review)
  --id <firstauthor-year> record id and file name (default: from the first author and year)
  --verification <level>  ${verifications.join(' | ')} (default: bibliographic)
  --out <dir>             where to write (default: content/studies)
  --dry-run               print the record instead of writing it
  --no-input              never ask, even in a terminal`;

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        ...Object.fromEntries(answerFlags.map((f) => [f, { type: 'string' as const }])),
        review: { type: 'string' },
        id: { type: 'string' },
        verification: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        'no-input': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`new-study: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  if (values['help']) {
    console.log(usage);
    return 0;
  }
  const contentDir = contentDirectory();
  const chosen = chooseReview(values['review'] as string | undefined, reviewIds(contentDir));
  if (!chosen.ok) {
    console.error(`new-study: ${chosen.message}`);
    return 2;
  }
  const verification = (values['verification'] as string | undefined) ?? 'bibliographic';
  if (!(verifications as readonly string[]).includes(verification)) {
    console.error(`new-study: --verification must be one of ${verifications.join(', ')} (got "${verification}")`);
    return 2;
  }

  let answers: ScaffoldAnswers = Object.fromEntries(answerFlags.map((f) => [f, values[f] as string | undefined]));
  if (process.stdin.isTTY && process.stdout.isTTY && !values['no-input']) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    // Lines are read through the iterator, which buffers them: pasted answers are not lost, and
    // Ctrl+D leaves the remaining answers empty (the check then names what is missing).
    const lines = rl[Symbol.asyncIterator]();
    console.log('New study record: answer each question (Enter to skip an optional one).');
    try {
      answers = await askMissing(answers, async (question) => {
        rl.setPrompt(question);
        rl.prompt();
        const line = await lines.next();
        return line.done ? '' : String(line.value);
      });
    } finally {
      rl.close();
    }
  }

  const outDir = path.resolve((values['out'] as string | undefined) ?? path.join(contentDir, 'studies'));
  const studyDirs = [outDir, path.join(contentDir, 'studies')];
  const citation = citationFromAnswers(answers);
  const requestedId = values['id'] as string | undefined;
  if (requestedId !== undefined && !kebabId.safeParse(requestedId).success) {
    console.error(`new-study: --id must be kebab-case, e.g. "germain-2010" (got "${requestedId}")`);
    return 2;
  }
  const authors = Array.isArray(citation.authors) ? citation.authors.filter((a): a is string => typeof a === 'string') : [];
  const year = typeof citation.year === 'number' ? citation.year : null;
  const id =
    requestedId ?? uniqueId(baseStudyId(authors, year, typeof citation.title === 'string' ? citation.title : ''), takenIds(studyDirs));
  const target = path.join(outDir, `${id}.yaml`);
  const shown = displayPath(target);
  if (takenIds(studyDirs).has(id)) {
    console.log(`${shown}: a record with id "${id}" already exists; it is never overwritten. Choose another --id, or edit that record.`);
    return 1;
  }

  const text = studyToYaml(
    scaffoldStudy(answers, { id, review: chosen.review, today: today(), verification: verification as Verification }),
  );
  const problems = newStudyChecker(contentDir)(target, text);
  for (const p of problems) console.log(formatProblem(p));
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > 0) {
    console.log(
      `\n✗ ${shown} was not written: ${errors} error${errors === 1 ? '' : 's'}. Give the missing or corrected values as flags (npm run new-study -- --help).`,
    );
    return 1;
  }
  if (typeof citation.title === 'string' && year !== null) {
    const { duplicates } = findDuplicates(readKnownStudies(studyDirs), [
      {
        key: id,
        source: 'new-study',
        title: citation.title,
        year,
        authors,
        ...(typeof citation.doi === 'string' ? { doi: citation.doi } : {}),
      },
    ]);
    for (const d of duplicates) console.log(`${shown}: warning: this may already be in the repository: ${describeDuplicate(d)}`);
  }
  if (values['dry-run']) {
    console.log(text);
    console.log(`(dry run: ${shown} was not written)`);
    return 0;
  }
  if (!writeNewFile(target, text)) {
    console.log(`${shown}: already exists; it was not overwritten.`);
    return 1;
  }
  console.log(`✓ wrote ${shown}`);
  console.log(
    'Next: replace the placeholders listed under provenance.unverified_fields (remove each field from that list once checked), then run npm run validate and open a pull request.',
  );
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`new-study: ${(error as Error).message}`);
    process.exitCode = 2;
  },
);
