// The field reference in CONTRIBUTING.md, generated from the JSON Schema (and so from the zod
// schemas' descriptions) so that it cannot drift from what `npm run validate` checks.
import type { JsonSchema } from './json-schema';

/** One row of the field reference. */
export interface FieldRow {
  /** `alliance.measures[].rater`. */
  path: string;
  required: boolean;
  /** What may be written, e.g. "one of `client`, `therapist`, `observer`". */
  value: string;
  description: string;
}

const asSchema = (v: unknown): JsonSchema => (typeof v === 'object' && v !== null ? (v as JsonSchema) : {});
const list = (v: unknown): JsonSchema[] => (Array.isArray(v) ? v.map(asSchema) : []);
const code = (v: unknown) => `\`${String(v)}\``;
const DATE_PATTERN = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';

/** What a value may be, in a few words. */
export function describeValue(schema: JsonSchema): string {
  if (Array.isArray(schema['enum'])) return `one of ${(schema['enum'] as unknown[]).map(code).join(', ')}`;
  if (schema['const'] !== undefined) return code(schema['const']);
  const variants = list(schema['anyOf'] ?? schema['oneOf']);
  if (variants.length > 0) {
    const nonNull = variants.filter((v) => v['type'] !== 'null');
    const kinds = nonNull.map((v) => asSchema(asSchema(v['properties'])['kind'])['const']).filter((k) => k !== undefined);
    const base =
      kinds.length === nonNull.length && kinds.length > 0
        ? `one of the kinds ${kinds.map(code).join(', ')}`
        : [...new Set(nonNull.map(describeValue))].join(' or ');
    return nonNull.length < variants.length ? `${base}, or \`null\`` : base;
  }
  const type = schema['type'];
  if (Array.isArray(type)) {
    const named = type.filter((t) => t !== 'null');
    const base = named.includes('string') ? describeValue({ ...schema, type: 'string' }) : named.join(' or ');
    return type.includes('null') ? `${base}, or \`null\`` : base;
  }
  switch (type) {
    case 'string':
      if (schema['pattern'] === DATE_PATTERN) return 'date `YYYY-MM-DD`';
      if (schema['format'] === 'uri') return 'web address';
      return 'text';
    case 'integer': {
      const min = schema['minimum'];
      return min === 0 ? 'whole number ≥ 0' : typeof min === 'number' ? `whole number ≥ ${min}` : 'whole number';
    }
    case 'number':
      return 'number';
    case 'boolean':
      return '`true` or `false`';
    case 'array':
      return `list of ${plural(describeValue(asSchema(schema['items'])))}`;
    case 'object':
      if (schema['properties']) return 'group of fields';
      return `name: ${describeValue(asSchema(schema['additionalProperties']))} pairs`;
    default:
      return 'any value';
  }
}

function plural(value: string): string {
  if (value === 'text') return 'texts';
  if (value === 'group of fields') return 'groups of fields';
  if (value.startsWith('one of the kinds ')) return `entries, each of ${value.slice('one of the '.length)}`;
  if (value.startsWith('one of ')) return `values, each ${value}`;
  return value;
}

/** An object schema's shape without its descriptions: equal signatures mean the same fields. */
function signature(schema: JsonSchema): string {
  return JSON.stringify(schema, (key, value: unknown) => (key === 'description' || key === 'markdownDescription' ? undefined : value));
}

/** The object schema a field holds (itself, or its non-null alternative), if it has named fields. */
function objectOf(field: JsonSchema): JsonSchema | undefined {
  const target = list(field['anyOf']).find((v) => v['type'] !== 'null') ?? field;
  return target['type'] === 'object' && target['properties'] ? target : undefined;
}

/** Each repeated group of fields (e.g. a review's `flow` and `changes[].flow`) is listed once, at its shortest path. */
function canonicalPaths(schema: JsonSchema, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, raw] of Object.entries(asSchema(schema['properties']))) {
    const field = asSchema(raw);
    const path = `${prefix}${key}`;
    const object = objectOf(field);
    if (object) {
      const sig = signature(object);
      const seen = out.get(sig);
      if (!seen || path.split(/[.[]/).length < seen.split(/[.[]/).length) out.set(sig, path);
      canonicalPaths(object, `${path}.`, out);
    }
    const items = asSchema(field['items']);
    if (items['properties']) canonicalPaths(items, `${path}[].`, out);
  }
  return out;
}

/** The rows of a schema's fields, depth first, in schema order. */
export function fieldRows(schema: JsonSchema, prefix = '', canonical = canonicalPaths(schema)): FieldRow[] {
  const rows: FieldRow[] = [];
  const properties = asSchema(schema['properties']);
  const required = new Set(Array.isArray(schema['required']) ? (schema['required'] as string[]) : []);
  for (const [key, raw] of Object.entries(properties)) {
    const field = asSchema(raw);
    const path = `${prefix}${key}`;
    const description = String(field['description'] ?? '');
    const object = objectOf(field);
    const same = object ? canonical.get(signature(object)) : undefined;
    if (same && same !== path) {
      rows.push({ path, required: required.has(key), value: `group of fields, the same as \`${same}\``, description });
      continue;
    }
    rows.push({ path, required: required.has(key), value: describeValue(field), description });
    rows.push(...nested(field, path, canonical));
  }
  return rows;
}

/** Rows of the fields inside an object, a list of objects, or a list of alternative objects. */
function nested(field: JsonSchema, path: string, canonical: Map<string, string>): FieldRow[] {
  const object = objectOf(field);
  if (object) return fieldRows(object, `${path}.`, canonical);
  if (field['type'] === 'array') {
    const items = asSchema(field['items']);
    if (items['properties']) return fieldRows(items, `${path}[].`, canonical);
    const variants = list(items['anyOf']);
    if (variants.length > 0) {
      const byPath = new Map<string, FieldRow & { kinds: string[] }>();
      for (const variant of variants) {
        const kind = String(asSchema(asSchema(variant['properties'])['kind'])['const'] ?? '');
        for (const row of fieldRows(variant, `${path}[].`, canonical)) {
          const seen = byPath.get(row.path);
          if (seen) seen.kinds.push(kind);
          else byPath.set(row.path, { ...row, kinds: [kind] });
        }
      }
      return [...byPath.values()].map(({ kinds, ...row }) => {
        if (row.path.endsWith('.kind')) return { ...row, value: `one of ${kinds.map(code).join(', ')}` };
        return kinds.length === variants.length ? row : { ...row, description: `(${kinds.map(code).join(', ')}) ${row.description}` };
      });
    }
  }
  return [];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rows as a Markdown table. */
export function fieldTable(rows: readonly FieldRow[]): string {
  const lines = ['| field | required | value | meaning |', '| --- | --- | --- | --- |'];
  for (const r of rows) lines.push(`| \`${r.path}\` | ${r.required ? 'yes' : ''} | ${cell(r.value)} | ${cell(r.description)} |`);
  return lines.join('\n');
}

/** Markers around a generated block in a Markdown file. */
export const markers = (name: string) => ({
  start: `<!-- generated: ${name} (npm run schemas); do not edit by hand -->`,
  end: `<!-- end generated: ${name} -->`,
});

/** The text with the block between `name`'s markers replaced; throws when the markers are missing. */
export function replaceGenerated(text: string, name: string, block: string): string {
  const { start, end } = markers(name);
  const from = text.indexOf(start);
  const to = text.indexOf(end);
  if (from < 0 || to < from) throw new Error(`the markers for "${name}" are missing: add the lines\n${start}\n${end}`);
  return `${text.slice(0, from + start.length)}\n${block}\n${text.slice(to)}`;
}
