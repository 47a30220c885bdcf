// A review's reported flow, written into its YAML file. Only the `flow:` section is rewritten
// (through the `yaml` package's Document API, so comments inside it are kept where the keys
// survive); every other byte of the file stays as it was.
import { Document, isMap, isScalar, parseDocument, type YAMLMap } from 'yaml';
import type { Flow } from '../../schemas';

type Plain = { [key: string]: unknown };
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A group without its null counts (the schema reads an absent count as null). */
function withoutNulls(group: Plain): Plain {
  return Object.fromEntries(Object.entries(group).filter(([, v]) => v !== null));
}

/** A group that the schema defaults to `{}`: left out when it holds no count. */
function optionalGroup(name: string, group: Plain): Plain {
  const kept = withoutNulls(group);
  return Object.keys(kept).length > 0 ? { [name]: kept } : {};
}

/**
 * The flow as a reviewer would write it: boxes that are not reported (null) left out, since the
 * schema reads an absent box as null. Breakdowns (per_source, exclusions) keep their null entries,
 * and an optional arm (other_methods, previous) stays present, even if empty, when the flow has it.
 */
export function compactFlow(flow: Flow): Plain {
  const other = flow.other_methods;
  return withoutNulls({
    ...optionalGroup('identified', { ...flow.identified }),
    ...optionalGroup('removed_before_screening', { ...flow.removed_before_screening }),
    screened: flow.screened,
    excluded_screening: flow.excluded_screening,
    sought: flow.sought,
    not_retrieved: flow.not_retrieved,
    assessed: flow.assessed,
    excluded_full_text: flow.excluded_full_text,
    included_studies: flow.included_studies,
    included_reports: flow.included_reports,
    ...(other
      ? {
          other_methods: withoutNulls({
            ...optionalGroup('identified', { ...other.identified }),
            sought: other.sought,
            not_retrieved: other.not_retrieved,
            assessed: other.assessed,
            excluded: other.excluded,
          }),
        }
      : {}),
    ...(flow.previous ? { previous: withoutNulls({ ...flow.previous }) } : {}),
  });
}

const keyOf = (pair: { key: unknown }) => (isScalar(pair.key) ? String(pair.key.value) : String(pair.key));

/** Sets `map` to hold exactly `value`: existing scalars are updated in place (keeping their comments), others replaced, order taken from `value`. */
function mergeInto(doc: Document, map: YAMLMap, value: Plain): void {
  for (const pair of [...map.items]) if (!(keyOf(pair) in value)) map.delete(pair.key);
  for (const [key, v] of Object.entries(value)) {
    const node = map.get(key, true);
    if (isPlain(v) && isMap(node) && Object.keys(v).length > 0) mergeInto(doc, node, v);
    else if (isScalar(node) && (v === null || typeof v !== 'object')) node.value = v;
    else map.set(key, doc.createNode(v));
  }
  const order = Object.keys(value);
  map.items.sort((a, b) => order.indexOf(keyOf(a)) - order.indexOf(keyOf(b)));
}

/** The review file's text with its top-level `flow:` replaced by `flow` (compacted); the rest of the text is unchanged. */
export function setReviewFlow(text: string, flow: Flow): string {
  const compact = compactFlow(flow);
  const doc = parseDocument(text);
  const root = doc.contents;
  const pair = isMap(root) ? root.items.find((p) => keyOf(p) === 'flow') : undefined;
  const keyStart = pair && isScalar(pair.key) ? pair.key.range?.[0] : undefined;
  const valueEnd = (pair?.value as { range?: [number, number, number] } | null | undefined)?.range?.[1];
  if (keyStart === undefined || valueEnd === undefined) {
    const section = new Document({ flow: compact }).toString({ lineWidth: 0 });
    return `${text}${text.endsWith('\n') || text === '' ? '' : '\n'}${section}`;
  }
  const start = text.lastIndexOf('\n', keyStart - 1) + 1;
  const lineEnd = text.indexOf('\n', Math.max(valueEnd - 1, keyStart));
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  const sectionDoc = parseDocument(text.slice(start, end));
  const sectionRoot = sectionDoc.contents;
  if (isMap(sectionRoot)) {
    const node = sectionRoot.get('flow', true);
    if (isMap(node)) mergeInto(sectionDoc, node, compact);
    else sectionDoc.set('flow', sectionDoc.createNode(compact));
  }
  return `${text.slice(0, start)}${sectionDoc.toString({ lineWidth: 0 })}${text.slice(end)}`;
}
