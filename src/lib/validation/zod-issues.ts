// Turns zod issues into plain sentences with the field path, what was expected and what was found.
import { z } from 'astro/zod';
import { closest } from './suggest';
import { formatPath } from './problem';
import { escapeText } from '../problem';
import { fieldPaths, suggestFix } from './fixes';

/** A short, readable rendering of a value found in a record, on one line (control characters escaped). */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return `"${escapeText(value.length > 60 ? `${value.slice(0, 57)}...` : value)}"`;
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return 'an invalid date';
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? `the date ${iso.slice(0, 10)}` : `the time stamp ${iso}`;
  }
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'a group of fields';
  return String(value);
}

/** The value at a path inside parsed YAML data (undefined when absent). */
export function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/** Strips wrappers (optional, default, effects, …) to reach the schema that describes a value. */
function unwrap(schema: z.ZodTypeAny): z.ZodTypeAny {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else if (s instanceof z.ZodPipeline) s = s._def.in;
    else return s;
  }
}

/** Field names the schema allows in the object at `path` (empty when it is not an object). */
export function knownKeys(schema: z.ZodTypeAny, path: readonly (string | number)[]): string[] {
  let s = unwrap(schema);
  for (const seg of path) {
    if (s instanceof z.ZodArray && typeof seg === 'number') s = unwrap(s.element);
    else if (s instanceof z.ZodObject && typeof seg === 'string') {
      const next = (s.shape as Record<string, z.ZodTypeAny>)[seg];
      if (!next) return [];
      s = unwrap(next);
    } else return [];
  }
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** The schema of the value at `path` (wrappers kept, so nullability and descriptions can be read); undefined when the path leaves the schema. */
export function schemaAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): z.ZodTypeAny | undefined {
  let s: z.ZodTypeAny = schema;
  for (const seg of path) {
    const inner = unwrap(s);
    if (inner instanceof z.ZodArray && typeof seg === 'number') s = inner.element;
    else if (inner instanceof z.ZodObject && typeof seg === 'string') {
      const next = (inner.shape as Record<string, z.ZodTypeAny>)[seg];
      if (!next) return undefined;
      s = next;
    } else if (inner instanceof z.ZodRecord && typeof seg === 'string') s = inner.valueSchema as z.ZodTypeAny;
    else return undefined;
  }
  return s;
}

/** The description of the field at `path` (from `.describe()`), if it has one. */
function descriptionAt(schema: z.ZodTypeAny, path: readonly (string | number)[]): string | undefined {
  let s = schemaAt(schema, path);
  while (s) {
    if (s.description) return s.description;
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else return undefined;
  }
  return undefined;
}

const pathsCache = new WeakMap<z.ZodTypeAny, string[]>();
/** Every field path of the records a schema describes (cached). */
function pathsOf(schema: z.ZodTypeAny): string[] {
  let paths = pathsCache.get(schema);
  if (!paths) {
    paths = fieldPaths((p) => knownKeys(schema, p));
    pathsCache.set(schema, paths);
  }
  return paths;
}

/** What to write instead of a value of the wrong type, when that is plain. */
function typeHint(expected: string, raw: unknown, nullable: boolean): string {
  const found = typeof raw === 'string' ? escapeText(raw.length > 60 ? `${raw.slice(0, 57)}...` : raw) : raw;
  if ((expected === 'number' || expected === 'integer') && typeof found === 'string') {
    if (/^\s*-?\d+(\.\d+)?\s*$/.test(found)) return `: write it without quotes, as ${found.trim()}`;
    if (nullable) return ': write null when it is not reported';
  }
  if (expected === 'array' && typeof found === 'string') {
    if (/^-\S/.test(found)) return `: put a space after the "-" to start a list item ("- ${found.slice(1)}")`;
    return `: write a list, one value per line starting with "- " (e.g. "- ${found}"), or in brackets: [${found}]`;
  }
  if (expected === 'string' && found instanceof Date && !Number.isNaN(found.getTime()))
    return `: put it in quotes ('${found.toISOString().slice(0, 10)}') to keep it as text`;
  return '';
}

export interface FieldIssue {
  /** zod path segments. */
  segments: (string | number)[];
  /** Dotted field path. */
  path: string;
  /** Plain sentence. */
  message: string;
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  date: 'a date',
  null: 'null',
  undefined: 'nothing',
};

/** One zod issue as one or more field issues (unknown keys give one issue per key). */
export function explainIssue(issue: z.ZodIssue, data: unknown, schema: z.ZodTypeAny): FieldIssue[] {
  const found = valueAt(data, issue.path);
  const at = (segments: (string | number)[], message: string): FieldIssue => ({ segments, path: formatPath(segments), message });
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = knownKeys(schema, issue.path);
      return issue.keys.map((key) => {
        const guess = closest(key, allowed);
        // The key itself is escaped when the problem is printed (formatProblem).
        const hint = guess ? ` Did you mean "${guess}"?` : allowed.length ? ` Allowed here: ${allowed.join(', ')}.` : '';
        return at([...issue.path, key], `is not a known field.${hint}`);
      });
    }
    case 'invalid_type': {
      const expected = typeNames[issue.expected] ?? issue.expected;
      const nullable = schemaAt(schema, issue.path)?.safeParse(null).success ?? false;
      const orNull = nullable ? ', or null when not reported' : '';
      if (issue.received === 'undefined') {
        const meaning = descriptionAt(schema, issue.path);
        return [at(issue.path, `is required (expected ${expected}${orNull})${meaning ? `: ${meaning.replace(/`/g, '"')}` : ''}`)];
      }
      return [
        at(
          issue.path,
          `has the wrong type (expected ${expected}${orNull}, got ${describeValue(found)})${typeHint(issue.expected, found, nullable)}`,
        ),
      ];
    }
    case 'invalid_enum_value': {
      const options = issue.options.map(String);
      const guess = typeof found === 'string' ? closest(found, options) : undefined;
      const hint = guess ? ` Did you mean "${guess}"?` : '';
      return [at(issue.path, `is not an allowed value (expected one of ${options.join(', ')}, got ${describeValue(found)}).${hint}`)];
    }
    case 'invalid_literal':
      return [at(issue.path, `must be ${JSON.stringify(issue.expected)} (got ${describeValue(found)})`)];
    default: {
      const got = found === undefined || typeof found === 'object' ? '' : ` (got ${describeValue(found)})`;
      const fix = suggestFix(issue.path, found, pathsOf(schema));
      return [at(issue.path, `${issue.message}${got}${fix ? `. Did you mean "${escapeText(fix)}"?` : ''}`)];
    }
  }
}
