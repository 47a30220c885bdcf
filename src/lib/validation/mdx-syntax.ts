// Guides are MDX: a syntax error (an unclosed tag, a broken {expression}) fails the build, so
// validate compiles each guide's body too and names the line, as the build's MDX compiler would.
import { compileSync } from '@mdx-js/mdx';

/** An MDX syntax error: its 1-based line in the whole file and a sentence. */
export interface MdxFault {
  line?: number;
  message: string;
}

/** The source with its frontmatter lines blanked, so the MDX compiler sees only the body but counts lines as the file does. */
function bodyOnly(source: string, frontmatterLines: number): string {
  if (frontmatterLines === 0) return source;
  const lines = source.split('\n');
  for (let i = 0; i < frontmatterLines && i < lines.length; i++) lines[i] = '';
  return lines.join('\n');
}

/**
 * Compiles a guide (frontmatter being its first `frontmatterLines` lines) and returns its first MDX
 * syntax error, or null when it compiles.
 */
export function checkMdxSyntax(source: string, frontmatterLines: number): MdxFault | null {
  try {
    compileSync(bodyOnly(source, frontmatterLines));
    return null;
  } catch (err) {
    const e = err as { line?: number | undefined; reason?: string; message?: string };
    const reason = e.reason ?? e.message ?? String(err);
    // Some messages give the place only in their text: "Expected a closing tag for `<Point>` (3:1-3:20)".
    const line = e.line ?? Number(/\((\d+):\d+-\d+:\d+\)/.exec(reason)?.[1] ?? NaN);
    const message = `is not valid MDX: ${reason.replace(/\s*\(\d+:\d+-\d+:\d+\)/, '')} (check that every <Tag> is closed, and that { and } pair up; write \\{ for a literal brace)`;
    return Number.isFinite(line) && line > 0 ? { line, message } : { message };
  }
}
