// Checks a guidance page's citations against the study records: unknown or excluded ids are errors.
import type { Study } from '../../schemas';
import type { Problem } from '../validation/problem';
import { closest } from '../validation/suggest';
import { extractCitedIds } from './cited-ids';

/** A guidance page as the checks need it. */
export interface GuideSource {
  /** Path relative to the project root, e.g. `content/guides/measuring-the-alliance.mdx`. */
  file: string;
  /** The whole MDX file, frontmatter included (so line numbers match the file). */
  source: string;
}

/** Why a study may not be cited, or undefined when it may. A study no review includes and at least one excludes is out of the evidence. */
export function exclusionOf(study: Pick<Study, 'reviews'>): string | undefined {
  const included = study.reviews.some((r) => r.decision === 'included');
  const excluded = study.reviews.filter((r) => r.decision === 'excluded');
  if (included || excluded.length === 0) return undefined;
  return excluded.map((r) => `excluded by review "${r.review}"${r.reason ? ` (reason: ${r.reason})` : ''}`).join(', ');
}

/** The studies guidance may cite: every study not excluded from the evidence. */
export function citableStudies<S extends Pick<Study, 'reviews'>>(studies: readonly S[]): S[] {
  return studies.filter((s) => exclusionOf(s) === undefined);
}

/** One problem per unknown, excluded or unreadable citation in one guide, and per finding that does not say what it is about. */
export function checkGuideCitations(guide: GuideSource, studies: readonly Study[], refused: ReadonlySet<string> = new Set()): Problem[] {
  const byId = new Map(studies.map((s) => [s.id, s]));
  const { cited, unreadable, withoutAbout } = extractCitedIds(guide.source);
  const problems: Problem[] = [];
  for (const w of withoutAbout) {
    problems.push({
      file: guide.file,
      line: w.line,
      path: '',
      severity: 'error',
      message: `<${w.component}> must say which facts the finding relies on, as about={["alliance.finding", ...]}: its strength label counts only studies where those facts are confirmed`,
    });
  }
  for (const u of unreadable) {
    const attribute = u.component === 'Cite' ? 'id="study-id"' : 'ids={["study-id", ...]}';
    problems.push({
      file: guide.file,
      line: u.line,
      path: '',
      severity: 'error',
      message: `<${u.component}> must name its studies as ${attribute} with quoted ids (found ${u.tag.replace(/\s+/g, ' ')})`,
    });
  }
  for (const c of cited) {
    if (refused.has(c.id)) continue;
    const study = byId.get(c.id);
    if (!study) {
      const hint = closest(c.id, [...byId.keys()]);
      problems.push({
        file: guide.file,
        line: c.line,
        path: '',
        severity: 'error',
        message: `<${c.component}> cites study "${c.id}", which is not a study record${hint ? `. Did you mean "${hint}"?` : `: there is no studies/${c.id}.yaml`}`,
      });
      continue;
    }
    const exclusion = exclusionOf(study);
    if (exclusion) {
      problems.push({
        file: guide.file,
        line: c.line,
        path: '',
        severity: 'error',
        message: `<${c.component}> cites study "${c.id}", which is ${exclusion}: guidance may only cite studies in the evidence`,
      });
    }
  }
  return problems;
}

/** The error a build throws for a guide's faulty citations: each fault on its own line, as `file:line: message`. */
export function citationError(problems: readonly Problem[]): Error {
  const lines = problems.map((p) => `${p.file}${p.line ? `:${p.line}` : ''}: ${p.message}`);
  return new Error(`Guidance cites studies it may not:\n${lines.join('\n')}`);
}
