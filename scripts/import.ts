// npm run import -- <file>... [--review <id>] [--out <dir>] [--dry-run]
// Turns RIS, BibTeX, PubMed MEDLINE (.nbib) or CSL-JSON exports into draft study records, and a
// PRISMA2020 CSV (`flow.csv`) into a review's reported flow. Never overwrites a file.
// Exit code: 0 when something was read; 1 when nothing could be read or a file was refused.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatOfFile, parseBibliography, sourceOfFile } from '../src/lib/bibliography';
import { readPrismaCsv } from '../src/lib/prisma/csv';
import { chooseReview, planImport } from '../src/lib/import/plan';
import { setReviewFlow } from '../src/lib/import/review-flow';
import { formatImportSummary, type WriteOutcome } from '../src/lib/import/summary';
import { studyToYaml } from '../src/lib/import/yaml';
import { formatProblem } from '../src/lib/validation/problem';
import { reviewSchema } from '../src/schemas';
import { checkRecord } from '../src/loaders/content';
import { contentDir as contentDirectory } from '../src/loaders/content-dir';
import { newStudyChecker, displayPath, readKnownStudies, reviewIds, takenIds, today, writeNewFile } from './lib/import';

const usage = `Usage: npm run import -- <file>... [--review <id>] [--out <dir>] [--dry-run]

  <file>        .ris, .bib, .nbib (PubMed MEDLINE) or .json (CSL-JSON): draft study records
                .csv (PRISMA2020 format): the review's reported flow, written into content/reviews/<id>.yaml
  --review <id> the review the studies (or the flow) belong to; default: the only review there is
  --out <dir>   where draft records go (default: content/studies)
  --dry-run     report what would be written, write nothing`;

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        review: { type: 'string' },
        out: { type: 'string' },
        'dry-run': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = args;
  if (values.help || positionals.length === 0) {
    console.log(usage);
    return values.help ? 0 : 2;
  }
  const contentDir = contentDirectory();
  const reviews = reviewIds(contentDir);
  const chosen = chooseReview(values.review, reviews);
  if (!chosen.ok) {
    console.error(`import: ${chosen.message}`);
    return 2;
  }
  const outDir = path.resolve(values.out ?? path.join(contentDir, 'studies'));
  const dryRun = values['dry-run'] ?? false;
  const studyDirs = [outDir, path.join(contentDir, 'studies')];
  const checkNewStudy = newStudyChecker(contentDir);
  let usable = 0;
  let wrote = 0;
  let failed = false;

  for (const [i, file] of positionals.entries()) {
    if (i > 0) console.log('');
    if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
      console.log(`${file}: no such file`);
      failed = true;
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    if (/\.csv$/i.test(file)) {
      const ok = importFlow(file, text, path.join(contentDir, 'reviews', `${chosen.review}.yaml`), dryRun);
      if (ok) usable++;
      else failed = true;
      continue;
    }
    const format = formatOfFile(file);
    if (!format) {
      console.log(`${file}: not a supported file; use .ris, .bib, .nbib (PubMed), .json (CSL-JSON) or .csv (PRISMA2020 flow)`);
      failed = true;
      continue;
    }
    const parsed = parseBibliography(text, format, sourceOfFile(file));
    const plan = planImport(parsed, readKnownStudies(studyDirs), takenIds(studyDirs), {
      review: chosen.review,
      today: today(),
      origin: path.basename(file),
    });
    const outcomes: WriteOutcome[] = [];
    for (const draft of plan.drafts) {
      const target = path.join(outDir, `${draft.id}.yaml`);
      const yamlText = studyToYaml(draft.study);
      const problems = checkNewStudy(target, yamlText);
      if (problems.some((p) => p.severity === 'error')) {
        // A draft the validator would reject is a fault in the importer: say so and write nothing for it.
        outcomes.push({
          id: draft.id,
          path: displayPath(target),
          refused: `the draft does not validate (please report this):\n${problems.map((p) => `      ${formatProblem(p)}`).join('\n')}`,
        });
        continue;
      }
      if (!dryRun && !writeNewFile(target, yamlText)) {
        outcomes.push({ id: draft.id, path: displayPath(target), refused: 'a file with this name already exists; it was not overwritten' });
        continue;
      }
      outcomes.push({ id: draft.id, path: displayPath(target) });
    }
    console.log(formatImportSummary({ file, format, plan, outcomes, dryRun }));
    const written = outcomes.filter((o) => !o.refused).length;
    usable += written + plan.duplicates.length;
    wrote += written;
    if (outcomes.some((o) => o.refused) || plan.read === 0) failed = true;
  }
  if (wrote > 0 && !dryRun) {
    console.log(
      `\nNext: in each new file, replace the placeholders listed under provenance.unverified_fields (remove a field from that list once you have checked it), then run npm run validate.`,
    );
  }
  return usable === 0 || failed ? 1 : 0;
}

/** Reads a PRISMA2020 CSV into the review's reported flow; prints problems and writes nothing if there are any. */
function importFlow(file: string, text: string, reviewFile: string, dryRun: boolean): boolean {
  const shownReview = displayPath(reviewFile);
  const reviewText = fs.readFileSync(reviewFile, 'utf8');
  const current = checkRecord(shownReview, reviewText, reviewSchema);
  const reasons = current.data?.exclusion_reasons ?? [];
  const { flow, problems } = readPrismaCsv(text, reasons);
  if (problems.length > 0) {
    for (const p of problems) console.log(`${file}:${p.line} ${p.field}: ${p.message}`);
    console.log(`\n✗ ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${shownReview} was not changed.`);
    return false;
  }
  const updated = setReviewFlow(reviewText, flow);
  const check = checkRecord(shownReview, updated, reviewSchema);
  if (check.problems.length > 0) {
    for (const p of check.problems) console.log(formatProblem(p));
    console.log(`\n✗ the flow in ${file} does not fit ${shownReview}; it was not changed.`);
    return false;
  }
  if (updated === reviewText) {
    console.log(`${file} (PRISMA2020 CSV): the flow in ${shownReview} already has these counts; nothing to change.`);
    return true;
  }
  if (!dryRun) fs.writeFileSync(reviewFile, updated, 'utf8');
  console.log(`${file} (PRISMA2020 CSV): ${dryRun ? 'would update' : 'updated'} the reported flow in ${shownReview}.`);
  return true;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`import: ${(error as Error).message}`);
  process.exitCode = 2;
}
