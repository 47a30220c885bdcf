// Which study records a guidance page cites: read from its MDX source, without running it.

/** The MDX components that cite study records. */
export const citingComponents = ['Evidence', 'Point', 'Cite'] as const;
export type CitingComponent = (typeof citingComponents)[number];

/** One cited study id and where it stands in the file. */
export interface CitedId {
  /** The study id as written. */
  id: string;
  /** 1-based line of the citing component's opening tag. */
  line: number;
  /** The component that cites it. */
  component: CitingComponent;
}

/** A citing component whose ids could not be read (not a literal list of quoted ids). */
export interface UnreadableCitation {
  line: number;
  component: CitingComponent;
  /** The opening tag as written. */
  tag: string;
}

/** Replaces code and MDX comments with blanks (keeping line breaks), so examples in them are not read as citations. */
function maskNonContent(source: string): string {
  const blank = (s: string) => s.replace(/[^\n]/g, ' ');
  return source
    .replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank)
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
}

const tagPattern = new RegExp(`<(${citingComponents.join('|')})\\b([^>]*)>`, 'g');
const idsAttribute = /\bids\s*=\s*\{\s*\[([^\]]*)\]\s*\}/;
const idAttribute = /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\})/;
const quoted = /"([^"]*)"|'([^']*)'/g;
const aboutAttribute = /\babout\s*=\s*\{\s*\[\s*["']/;

/** Every study id cited by `<Evidence ids={[...]} />`, `<Point ids={[...]}>` and `<Cite id="..." />` in an MDX source, in file order. */
export function extractCitedIds(source: string): {
  cited: CitedId[];
  unreadable: UnreadableCitation[];
  withoutAbout: UnreadableCitation[];
} {
  const text = maskNonContent(source);
  const cited: CitedId[] = [];
  const unreadable: UnreadableCitation[] = [];
  const withoutAbout: UnreadableCitation[] = [];
  for (const match of text.matchAll(tagPattern)) {
    const component = match[1] as CitingComponent;
    const attributes = match[2] ?? '';
    const line = text.slice(0, match.index).split('\n').length;
    const list = component === 'Cite' ? undefined : idsAttribute.exec(attributes);
    const single = component === 'Cite' ? idAttribute.exec(attributes) : undefined;
    if (component !== 'Cite' && !aboutAttribute.test(attributes)) withoutAbout.push({ line, component, tag: match[0] });
    if (list) {
      const items = list[1] ?? '';
      const ids = [...items.matchAll(quoted)].map((q) => q[1] ?? q[2] ?? '');
      // Anything left besides quoted strings and commas is an expression the check cannot follow.
      const rest = items.replace(quoted, '').replace(/[\s,]/g, '');
      if (ids.length === 0 || rest !== '') unreadable.push({ line, component, tag: match[0] });
      else for (const id of ids) cited.push({ id, line, component });
    } else if (single) {
      cited.push({ id: single[1] ?? single[2] ?? single[3] ?? single[4] ?? '', line, component });
    } else {
      unreadable.push({ line, component, tag: match[0] });
    }
  }
  return { cited, unreadable, withoutAbout };
}

/** The distinct study ids an MDX source cites, in order of first citation. */
export function citedStudyIds(source: string): string[] {
  return [...new Set(extractCitedIds(source).cited.map((c) => c.id))];
}
