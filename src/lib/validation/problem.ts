// A fault found in a content file, as the validator and the build report it (the type and its
// formatting live in src/lib/problem.ts, shared with src/lib/prisma and src/lib/guidance).

export { formatProblem, type Problem } from '../problem';

/** Formats a field path from zod's path segments: `alliance.measures[0].rater`. */
export function formatPath(segments: readonly (string | number)[]): string {
  return segments.reduce<string>((out, seg) => (typeof seg === 'number' ? `${out}[${seg}]` : out ? `${out}.${seg}` : seg), '');
}
