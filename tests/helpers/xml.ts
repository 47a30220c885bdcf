// A strict XML parser for the tests: sax (isaacs/sax-js, already installed with Astro through svgo)
// in strict, namespace-aware mode refuses a document that is not well-formed XML (unclosed or
// mismatched tags, bad entities, text outside the root); the result is a small element tree.
import { createRequire } from 'node:module';

/** An element: its expanded name, attributes, children and text. */
export interface XmlElement {
  /** Local name, e.g. `entry`. */
  name: string;
  /** Namespace URI, e.g. `http://www.w3.org/2005/Atom`. */
  ns: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (character data and CDATA), concatenated. */
  text: string;
}

interface SaxTag {
  local: string;
  uri: string;
  attributes: Record<string, { local: string; value: string; prefix: string }>;
}
interface SaxParser {
  onerror: (e: Error) => void;
  onopentag: (tag: SaxTag) => void;
  onclosetag: () => void;
  ontext: (t: string) => void;
  oncdata: (t: string) => void;
  write: (s: string) => SaxParser;
  close: () => SaxParser;
}
const sax = createRequire(import.meta.url)('sax') as { parser: (strict: boolean, opts: { xmlns: boolean }) => SaxParser };

/** Parses XML text strictly; throws with sax's message (line and column) on the first fault. */
export function parseXml(text: string): XmlElement {
  const parser = sax.parser(true, { xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.onerror = (e) => {
    throw e;
  };
  parser.onopentag = (tag) => {
    const attrs: Record<string, string> = {};
    for (const [name, a] of Object.entries(tag.attributes))
      if (a.prefix !== 'xmlns' && name !== 'xmlns') attrs[a.prefix ? name : a.local] = a.value;
    const el: XmlElement = { name: tag.local, ns: tag.uri, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    root ??= el;
    stack.push(el);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = parser.oncdata = (t) => {
    const el = stack.at(-1);
    if (el) el.text += t;
  };
  parser.write(text).close();
  if (!root) throw new Error('no root element');
  return root;
}

/** The children of `el` named `name`. */
export const childrenNamed = (el: XmlElement, name: string) => el.children.filter((c) => c.name === name);
/** The text of the first child named `name` (trimmed), or undefined. */
export const childText = (el: XmlElement, name: string) => childrenNamed(el, name)[0]?.text.trim();
