// npm run import -- <file>... [--review <id>] [--out <dir>] [--dry-run]
// Turns RIS, BibTeX, PubMed MEDLINE (.nbib), Web of Science or CSL-JSON exports into draft study
// records, and a PRISMA2020 CSV (`flow.csv`) into a review's reported flow. A `.txt` (or other)
// export is recognised by its content. Files are read as bytes and decoded strictly (UTF-8, UTF-16
// with a byte-order mark, or a legacy Windows-1252 / Latin-1 export converted and said so); never
// with replacement characters. Never overwrites a study file; a review's flow is written only when
// the whole review still validates.
// Exit code: 0 when something was read; 1 when nothing could be read or a file was refused.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { decodeText, formatOf, formatOfFile, parseBibliography, sourceOfFile } from '../src/lib/bibliography';
import { countsWithoutRow, readPrismaCsv } from '../src/lib/prisma/csv';
import { chooseReview, planImport } from '../src/lib/import/plan';
import { recordsExtension, sourceFileStem, summariseSearchImport } from '../src/lib/import/search-results';
import { loadReviewTracking } from '../src/loaders/tracking';
import { setReviewFlow } from '../src/lib/import/review-flow';
import { formatImportSummary, type WriteOutcome } from '../src/lib/import/summary';
import { studyToYaml } from '../src/lib/import/yaml';
import { formatProblem } from '../src/lib/validation/problem';
import { reviewSchema } from '../src/schemas';
import { checkRecord } from '../src/loaders/content';
import { contentDir as contentDirectory } from '../src/loaders/content-dir';
import {
  checkReviewText,
  displayPath,
  newStudiesChecker,
  readExistingStudies,
  replaceFile,
  reviewIds,
  today,
  writeNewFile,
} from './lib/import';

const usage = `Usage: npm run import -- <file>... [--review <id>] [--out <dir>] [--dry-run]
       npm run import -- <export> --review <id> --source <name>   (add search results to the review's records/)

  <file>        .ris, .bib, .nbib (PubMed MEDLINE) or .json (CSL-JSON): draft study records;
                .txt and other names: RIS, MEDLINE, Web of Science, BibTeX or CSL-JSON, recognised by content
                .csv (PRISMA2020 format): the review's reported flow, written into content/reviews/<id>.yaml
  --review <id> the review the studies (or the flow) belong to; default: the only review there is
  --source <name> with --review: keep the export as the search results of that source, in
                content/reviews/<id>/records/<name>.<ext> (never overwrites), and report its duplicates
  --out <dir>   where draft records go (default: content/studies)
  --dry-run     report what would be written, write nothing`;

/**
 * Drafts checked together: each against the content folder and the other drafts of its batch. A
 * batch is at least as large as the folder, so the cross-record checks (linear in folder + batch)
 * cost O(folder + drafts) over the whole import, and memory stays bounded for a small folder.
 */
const MIN_BATCH = 1000;

function main(): number {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        review: { type: 'string' },
        source: { type: 'string' },
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
  const checkNewStudies = newStudiesChecker(contentDir);
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
    const decoded = decodeText(fs.readFileSync(file));
    if (!decoded.ok) {
      console.log(`${file}: ${decoded.message}`);
      console.log(`\n✗ ${file} was not read, and nothing was written for it.`);
      failed = true;
      continue;
    }
    const { text } = decoded;
    if (values.source !== undefined) {
      if (addSearchResults(file, text, decoded.note, values.source, chosen.review, contentDir, dryRun)) usable++;
      else failed = true;
      continue;
    }
    if (/\.csv$/i.test(file)) {
      const ok = importFlow(file, text, decoded.note, path.join(contentDir, 'reviews', `${chosen.review}.yaml`), contentDir, dryRun);
      if (ok) usable++;
      else failed = true;
      continue;
    }
    const format = formatOf(file, text);
    if (!format) {
      const hint = /^%[0A-Z] /m.test(text) ? " (it looks like EndNote's tagged format: export as RIS instead)" : '';
      console.log(
        `${file}: not a supported file${hint}; use .ris, .bib, .nbib (PubMed), .json (CSL-JSON) or .csv (PRISMA2020 flow), or a .txt export in RIS, PubMed (MEDLINE) or Web of Science format`,
      );
      failed = true;
      continue;
    }
    const parsed = parseBibliography(text, format, sourceOfFile(file));
    const { known, taken } = readExistingStudies(studyDirs);
    const plan = planImport(parsed, known, taken, {
      review: chosen.review,
      today: today(),
      origin: path.basename(file),
    });
    const outcomes: WriteOutcome[] = [];
    // Drafts are turned into YAML, checked and written batch by batch (see MIN_BATCH).
    const batch = Math.max(MIN_BATCH, known.length);
    for (let start = 0; start < plan.drafts.length; start += batch) {
      const drafts = plan.drafts.slice(start, start + batch);
      const pending = drafts.map((draft) => ({ file: path.join(outDir, `${draft.id}.yaml`), text: studyToYaml(draft.study) }));
      const checks = checkNewStudies(pending);
      drafts.forEach((draft, d) => {
        const { file: target, text: yamlText } = pending[d]!;
        const problems = checks[d] ?? [];
        if (problems.some((p) => p.severity === 'error')) {
          // A draft the validator would reject is a fault in the importer: say so and write nothing for it.
          outcomes.push({
            id: draft.id,
            path: displayPath(target),
            refused: `the draft does not validate (please report this):\n${problems.map((p) => `      ${formatProblem(p)}`).join('\n')}`,
          });
          return;
        }
        if (!dryRun && !writeNewFile(target, yamlText)) {
          outcomes.push({
            id: draft.id,
            path: displayPath(target),
            refused: 'a file with this name already exists; it was not overwritten',
          });
          return;
        }
        outcomes.push({ id: draft.id, path: displayPath(target) });
      });
    }
    console.log(formatImportSummary({ file, format, plan, outcomes, dryRun, encoding: decoded.note, byContent: !formatOfFile(file) }));
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

/**
 * Reads a PRISMA2020 CSV into the review's reported flow. Writes only when the CSV has no problem
 * and the review, with the new flow, passes the checks npm run validate runs (schema, cross-record
 * and flow checks); otherwise prints every problem, leaves the review file byte for byte as it
 * was, and returns false.
 */
/** Keeps an export as one source's search results in the review's records/ folder; false when refused. */
function addSearchResults(
  file: string,
  text: string,
  note: string | undefined,
  source: string,
  review: string,
  contentDir: string,
  dryRun: boolean,
): boolean {
  const format = formatOf(file, text);
  const stem = sourceFileStem(source);
  const extension = format ? recordsExtension[format] : null;
  if (!format || !extension || !stem) {
    console.log(
      `${file}: ${!stem ? `"${source}" is not a usable source name (use letters and digits, e.g. PubMed)` : 'not a search export the review folder keeps: use RIS, BibTeX, PubMed (MEDLINE) or CSL-JSON'}; nothing was written`,
    );
    return false;
  }
  const target = path.join(contentDir, 'reviews', review, 'records', `${stem}.${extension}`);
  const existing = loadReviewTracking(contentDir, { id: review, exclusion_reasons: [] });
  const clash = existing?.sources.find((s) => s.name === stem);
  if (fs.existsSync(target) || clash) {
    console.log(
      `${file}: ${displayPath(clash ? path.join(contentDir, clash.file) : target)} already holds the "${stem}" search results; nothing was overwritten (choose another --source, or remove that file first)`,
    );
    return false;
  }
  const parsed = parseBibliography(text, format, stem);
  for (const problem of parsed.problems) console.log(`${file}${problem.line ? `:${problem.line}` : ''}: ${problem.message}`);
  const summary = summariseSearchImport(parsed.records, existing?.records ?? []);
  const shared = Object.entries(summary.sharedWith).map(([name, n]) => `${n} with ${name}`);
  if (note) console.log(note);
  console.log(
    `${file}: ${summary.records} records from ${source}; ${summary.withinFile} duplicates within the file; ${shared.length ? `shared with other sources: ${shared.join(', ')}` : 'none shared with other sources'}.`,
  );
  if (summary.records === 0) {
    console.log(`✗ ${file} holds no records; nothing was written.`);
    return false;
  }
  if (dryRun) console.log(`Dry run: ${displayPath(target)} would be written.`);
  else if (writeNewFile(target, text))
    console.log(`✓ wrote ${displayPath(target)}: derive the flow with npm run build, screen with npm run screen -- --review ${review}`);
  else {
    console.log(`${file}: ${displayPath(target)} appeared meanwhile; nothing was overwritten`);
    return false;
  }
  return true;
}

function importFlow(
  file: string,
  text: string,
  encoding: string | undefined,
  reviewFile: string,
  contentDir: string,
  dryRun: boolean,
): boolean {
  const shownReview = displayPath(reviewFile);
  const reviewText = fs.readFileSync(reviewFile, 'utf8');
  const current = checkRecord(shownReview, reviewText, reviewSchema);
  const reasons = current.data?.exclusion_reasons ?? [];
  if (encoding) console.log(`${file}: ${encoding}.`);
  const { flow, problems } = readPrismaCsv(text, reasons);
  if (current.data && problems.length === 0)
    for (const { data, path: box, value } of countsWithoutRow(text, current.data.flow))
      problems.push({
        line: 1,
        field: 'data',
        message: `the file has no row for ${data}, which ${shownReview} reports (flow.${box}: ${JSON.stringify(value)}): add the row, with a blank n if the box is not reported`,
      });
  if (problems.length > 0) {
    for (const p of problems) console.log(`${file}:${p.line} ${p.field}: ${p.message}`);
    console.log(`\n✗ ${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}; ${shownReview} was not changed.`);
    return false;
  }
  const updated = setReviewFlow(reviewText, flow);
  if (updated === reviewText) {
    console.log(`${file} (PRISMA2020 CSV): the flow in ${shownReview} already has these counts; nothing to change.`);
    return true;
  }
  const errors = checkReviewText(contentDir, reviewFile, updated).filter((p) => p.severity === 'error');
  if (errors.length > 0) {
    for (const p of errors) console.log(formatProblem(p));
    console.log(
      `\n✗ with the flow in ${file}, ${shownReview} would not validate (${errors.length} error${errors.length === 1 ? '' : 's'}, lines as in the new text); it was not changed.`,
    );
    return false;
  }
  if (!dryRun) replaceFile(reviewFile, updated);
  console.log(`${file} (PRISMA2020 CSV): ${dryRun ? 'would update' : 'updated'} the reported flow in ${shownReview}.`);
  return true;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`import: ${(error as Error).message}`);
  process.exitCode = 2;
}
