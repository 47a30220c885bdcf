// npm run validate — checks every content file and prints `file:line field: problem` per fault.
// Exit code: 0 when there are no errors (warnings allowed), 1 otherwise.
import { formatProblem } from '../src/lib/validation/problem';
import { loadContent } from '../src/loaders/content';
import { contentDir as resolveContentDir } from '../src/loaders/content-dir';

// The folder given on the command line, else CONTENT_DIR, else `content`.
const contentDir = resolveContentDir(process.argv[2]);

try {
  const content = loadContent(contentDir);
  for (const problem of content.problems) console.log(formatProblem(problem));
  const errors = content.problems.filter((p) => p.severity === 'error').length;
  const warnings = content.problems.length - errors;
  const summary = `${content.filesRead} files checked: ${content.studies.length} studies, ${content.reviews.length} reviews, ${content.guides.length} guides valid; ${errors} errors, ${warnings} warnings`;
  console.log(errors ? `\n✗ ${summary}` : `✓ ${summary}`);
  process.exitCode = errors ? 1 : 0;
} catch (err) {
  // A fault in the validator itself (not in content): say so plainly.
  console.error(`validate: could not check ${contentDir}: ${(err as Error).message}`);
  process.exitCode = 2;
}
