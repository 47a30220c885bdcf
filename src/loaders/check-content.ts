// One report of a content folder's faults, as `npm run validate` prints it and the build prints it
// before stopping (src/integrations/validate.ts): the same lines, from the same checks.
import { formatProblem } from '../lib/problem';
import { contentDir as resolveContentDir } from './content-dir';
import { loadContent, type Content } from './content';

/** What the checks found in a content folder, ready to print. */
export interface ContentReport {
  content: Content;
  /** One `file:line field: sentence` line per problem, errors and warnings, in file order. */
  lines: string[];
  errors: number;
  warnings: number;
  /** `18 files checked: 11 studies, 1 reviews, 6 guides valid; 0 errors, 0 warnings`. */
  summary: string;
}

/** Checks the content folder (`dir`, else CONTENT_DIR, else `content`) and words the result. */
export function checkContent(dir?: string): ContentReport {
  const content = loadContent(resolveContentDir(dir));
  const errors = content.problems.filter((p) => p.severity === 'error').length;
  const warnings = content.problems.length - errors;
  const summary = `${content.filesRead} files checked: ${content.studies.length} studies, ${content.reviews.length} reviews, ${content.guides.length} guides valid; ${errors} errors, ${warnings} warnings`;
  return { content, lines: content.problems.map(formatProblem), errors, warnings, summary };
}
