// Where a field sits in YAML text: the line of a field path, and the frontmatter of an MDX file.
// Pure text in, numbers out; the loaders read the files and the checks name the lines.
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** The 1-based line of a field path in YAML text, or of its nearest existing parent. */
export function lineOf(text: string, segments: readonly (string | number)[]): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  let node: unknown = doc.contents;
  let offset = (doc.contents as Node | null)?.range?.[0];
  for (const seg of segments) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else break;
  }
  return offset === undefined ? undefined : lineCounter.linePos(offset).line;
}

/** Splits an MDX file into its YAML frontmatter text and the line the frontmatter starts on. */
export function frontmatterOf(source: string): { yaml: string; firstLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match ? { yaml: match[1] ?? '', firstLine: 2 } : null;
}
