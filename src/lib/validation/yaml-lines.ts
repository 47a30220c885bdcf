// Where a field sits in YAML text: the line of a field path, and the frontmatter of an MDX file.
// Pure text in, numbers out; the loaders read the files and the checks name the lines.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** The lines of every field of one YAML text, found in one parse: look-ups cost a map access, not a parse. */
export interface LineIndex {
  /** The 1-based line of a field path, or of its nearest existing parent (undefined for an empty text). */
  lineOf(segments: readonly (string | number)[]): number | undefined;
}

/** A map key for a path: list positions and field names kept apart, so `[0]` and `"0"` differ. */
const keyOf = (parent: string, seg: string | number) => `${parent}\u0000${typeof seg === 'number' ? `#${seg}` : `.${seg}`}`;

/**
 * Parses `text` once and records the start of every field and list item reachable from the root,
 * walking each node once (aliases are not followed), so indexing is linear in the size of the text.
 */
export function indexLines(text: string): LineIndex {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false, uniqueKeys: false });
  const root = doc.contents as Node | null;
  const rootOffset = root?.range?.[0];
  const offsets = new Map<string, number>();
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0) {
    const [node, key] = stack.pop()!;
    if (isMap(node)) {
      for (const pair of node.items) {
        const k = pair.key;
        if (!isScalar(k) || k.range === undefined || k.range === null) continue;
        const child = keyOf(key, String(k.value));
        // The first of two equal keys wins, as a YAML reader that allowed them would keep it.
        if (offsets.has(child)) continue;
        offsets.set(child, k.range[0]);
        stack.push([pair.value, child]);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const child = keyOf(key, i);
        const start = (item as Node | null)?.range?.[0];
        if (start !== undefined) offsets.set(child, start);
        stack.push([item, child]);
      });
    }
  }
  return {
    lineOf(segments) {
      let offset = rootOffset;
      let key = '';
      for (const seg of segments) {
        key = keyOf(key, seg);
        const found = offsets.get(key);
        if (found === undefined) break;
        offset = found;
      }
      return offset === undefined ? undefined : lineCounter.linePos(offset).line;
    },
  };
}

// The index of the text asked about last: callers that locate many faults of one file pay one parse.
let last: { text: string; index: LineIndex } | undefined;

/** The 1-based line of a field path in YAML text, or of its nearest existing parent. Repeated calls on the same text reuse one parse. */
export function lineOf(text: string, segments: readonly (string | number)[]): number | undefined {
  if (last?.text !== text) last = { text, index: indexLines(text) };
  return last.index.lineOf(segments);
}

/** Splits an MDX file into its YAML frontmatter text and the line the frontmatter starts on. */
export function frontmatterOf(source: string): { yaml: string; firstLine: number } | null {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  return match ? { yaml: match[1] ?? '', firstLine: 2 } : null;
}
