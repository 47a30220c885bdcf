// npm run validate — checks every content file and prints `file:line field: problem` per fault.
// Exit code: 0 when there are no errors (warnings allowed), 1 otherwise. The build runs the same
// checks first (src/integrations/validate.ts) and stops on the same errors.
import { escapeText } from '../src/lib/problem';
import { checkContent } from '../src/loaders/check-content';
import { contentDir as resolveContentDir } from '../src/loaders/content-dir';

// The folder given on the command line, else CONTENT_DIR, else `content`.
const contentDir = resolveContentDir(process.argv[2]);

try {
  const report = checkContent(contentDir);
  for (const line of report.lines) console.log(line);
  console.log(report.errors ? `\n✗ ${report.summary}` : `✓ ${report.summary}`);
  process.exitCode = report.errors ? 1 : 0;
} catch (err) {
  // A fault in the validator itself (not in content): say so plainly, on one line.
  console.error(`validate: could not check ${escapeText(contentDir)}: ${escapeText((err as Error).message)}`);
  process.exitCode = 2;
}
