// Seeded random mutations of valid study records, for tests/mutation/records.test.ts: each takes
// a record (as parsed YAML and as its text) and returns the text of a mutant, what was done, and
// whether a correct checker must refuse it.
import yaml from 'js-yaml';
import { z } from 'astro/zod';
import { studySchema } from '../../src/schemas';

export type Segment = string | number;

/** The kinds of mutation, each a family of variants. */
export const mutationKinds = [
  'delete-field',
  'rename-key',
  'change-type',
  'enum-value',
  'number-value',
  'string-value',
  'date-value',
  'id-mismatch',
  'duplicate-identifier',
  'nesting',
  'reference',
  'yaml-text',
] as const;
export type MutationKind = (typeof mutationKinds)[number];

/** One mutated record, ready to be written beside the untouched others. */
export interface Mutant {
  /** Running number within the run (with the seed, enough to reproduce it). */
  n: number;
  kind: MutationKind;
  /** Which content set it belongs to (`real` or `factory`). */
  set: string;
  /** The mutated file, relative to the project root (a new file for a copy or a rename). */
  file: string;
  /** The file the record came from (removed from the set unless `keepsOriginal`). */
  original: string;
  /** The mutant is a second file beside its original, which stays. */
  keepsOriginal?: boolean;
  /** The record's id before the mutation. */
  id: string;
  /** What was done, e.g. `alliance.outcome_link: "weak" -> "Weak"`. */
  description: string;
  /** The mutated field path; empty when the mutation is on the text of the whole file. */
  path: string;
  /** The mutant's file text. */
  text: string;
  /** `reject`: a correct checker must refuse it; `any`: valid and refused are both acceptable. */
  expect: 'reject' | 'any';
  /** When the mutant is accepted, the value the loaded record must hold at `path` (nothing changed silently). */
  stored?: unknown;
}

/** A study record to mutate, with the other records of its content set. */
export interface Target {
  set: string;
  file: string;
  /** The file as written. */
  text: string;
  /** The parsed record, dates as `YYYY-MM-DD` text. */
  data: Record<string, unknown>;
  /** The other study records of the set (for duplicate ids and DOIs). */
  others: readonly Record<string, unknown>[];
}

type Rand = () => number;
type Variant = Omit<Mutant, 'n' | 'kind' | 'set' | 'file' | 'original' | 'id' | 'text'> & {
  /** The mutated record (dumped to YAML), or the text itself. */
  data?: unknown;
  text?: string;
  file?: string;
};

const int = (rand: Rand, n: number) => Math.floor(rand() * n);
const pick = <T>(rand: Rand, items: readonly T[]): T => items[int(rand, items.length)]!;

/** `alliance.measures[0].rater` from segments. */
export const formatSegments = (segments: readonly Segment[]) =>
  segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out ? `${out}.${s}` : s), '');

/** Parsed YAML with Date objects as `YYYY-MM-DD` text, so a dumped record writes dates as they were. */
export function plainRecord(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map(plainRecord);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainRecord(v)]));
  return value;
}

/** A record written as YAML (js-yaml, as Astro reads it). */
export const dumpRecord = (data: unknown) => yaml.dump(data, { lineWidth: -1, noRefs: true });

const clone = <T>(value: T): T => structuredClone(value);

function getAt(data: unknown, path: readonly Segment[]): unknown {
  let node = data;
  for (const seg of path) node = (node as Record<Segment, unknown> | undefined)?.[seg];
  return node;
}

function setAt(data: unknown, path: readonly Segment[], value: unknown) {
  const parent = getAt(data, path.slice(0, -1)) as Record<Segment, unknown>;
  parent[path.at(-1)!] = value;
}

function deleteAt(data: unknown, path: readonly Segment[]) {
  const parent = getAt(data, path.slice(0, -1));
  const last = path.at(-1)!;
  if (Array.isArray(parent)) parent.splice(last as number, 1);
  else delete (parent as Record<Segment, unknown>)[last];
}

/** Every path below the root, depth first. */
function allPaths(value: unknown, prefix: Segment[] = []): Segment[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...allPaths(v, [...prefix, i])]);
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...allPaths(v, [...prefix, k])]);
  return [];
}

/** Paths whose value passes `test`. */
const pathsWhere = (data: unknown, test: (v: unknown, path: Segment[]) => boolean) => allPaths(data).filter((p) => test(getAt(data, p), p));

/** Strips optional, nullable, default and effects wrappers. */
function unwrap(schema: z.ZodTypeAny | undefined): z.ZodTypeAny | undefined {
  let s = schema;
  for (;;) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable) s = s.unwrap();
    else if (s instanceof z.ZodDefault) s = s.removeDefault();
    else if (s instanceof z.ZodEffects) s = s.innerType();
    else return s;
  }
}

/** The study schema at a path (through objects, arrays and the effect union), or undefined. */
function schemaAt(path: readonly Segment[], data: unknown): z.ZodTypeAny | undefined {
  let s: z.ZodTypeAny | undefined = studySchema;
  path.forEach((seg, i) => {
    let inner = unwrap(s);
    if (inner instanceof z.ZodUnion) {
      const kind = (getAt(data, path.slice(0, i)) as { kind?: unknown } | undefined)?.kind;
      inner = unwrap(
        (inner.options as z.ZodTypeAny[]).find((o) => {
          const shape = (unwrap(o) as z.ZodObject<z.ZodRawShape>).shape;
          return (unwrap(shape['kind']) as z.ZodLiteral<string> | undefined)?.value === kind;
        }),
      );
    }
    if (inner instanceof z.ZodArray && typeof seg === 'number') s = inner.element;
    else if (inner instanceof z.ZodObject && typeof seg === 'string') s = (inner.shape as Record<string, z.ZodTypeAny>)[seg];
    else s = undefined;
  });
  return s;
}

/** The field names the schema allows in the object at `path`. */
function allowedKeys(path: readonly Segment[], data: unknown): string[] {
  const s = unwrap(schemaAt(path, data));
  return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
}

/** True when the field at `path` may be left out (optional or with a default). */
const isOptional = (path: readonly Segment[], data: unknown) => schemaAt(path, data)?.safeParse(undefined).success ?? true;

/** The allowed values of the enum at `path`, or undefined when it is not an enum. */
function enumValues(path: readonly Segment[], data: unknown): readonly string[] | undefined {
  const s = unwrap(schemaAt(path, data));
  return s instanceof z.ZodEnum ? (s.options as string[]) : undefined;
}

const lastKey = (path: readonly Segment[]) => path.at(-1);
const isDatePath = (path: readonly Segment[]) => path[0] === 'provenance' && (path[1] === 'added' || path[1] === 'updated');
/** Numbers that must be whole and not negative: years, counts. */
const isWholeNumber = (path: readonly Segment[]) => ['year', 'sample_size', 'n'].includes(String(lastKey(path)));

function deleteField(rand: Rand, data: Record<string, unknown>): Variant {
  const path = pick(rand, allPaths(data));
  const next = clone(data);
  const parent = getAt(data, path.slice(0, -1));
  deleteAt(next, path);
  let expect: Mutant['expect'];
  if (Array.isArray(parent)) expect = parent.length > 1 || schemaAt(path.slice(0, -1), data)?.safeParse([]).success ? 'any' : 'reject';
  else expect = isOptional(path, data) ? 'any' : 'reject';
  return { data: next, path: formatSegments(path), description: `deleted ${formatSegments(path)}`, expect };
}

const typos: ((key: string, rand: Rand) => string)[] = [
  (k, r) => {
    const i = int(r, k.length);
    return k.slice(0, i) + k.slice(i + 1);
  },
  (k, r) => {
    const i = int(r, k.length);
    return k.slice(0, i) + k[i] + k.slice(i);
  },
  (k, r) => {
    const i = int(r, Math.max(1, k.length - 1));
    return k.slice(0, i) + (k[i + 1] ?? '') + k[i] + k.slice(i + 2);
  },
  (k) => k[0]!.toUpperCase() + k.slice(1),
  (k) => `${k}s`,
  (k) => k.replace(/_/g, '-') + (k.includes('_') ? '' : ' '),
];

function renameKey(rand: Rand, data: Record<string, unknown>): Variant | null {
  const path = pick(
    rand,
    allPaths(data).filter((p) => typeof lastKey(p) === 'string'),
  );
  const key = String(lastKey(path));
  const parentPath = path.slice(0, -1);
  const parent = getAt(data, parentPath) as Record<string, unknown>;
  const renamed = pick(rand, typos)(key, rand);
  if (renamed === key || renamed in parent || allowedKeys(parentPath, data).includes(renamed)) return null;
  const next = clone(data);
  const target = getAt(next, parentPath) as Record<string, unknown>;
  // Keep the key's place in the object, as an author's typo would.
  const entries = Object.entries(target).map(([k, v]) => [k === key ? renamed : k, v] as const);
  for (const k of Object.keys(target)) delete target[k];
  Object.assign(target, Object.fromEntries(entries));
  return { data: next, path: formatSegments(path), description: `renamed ${formatSegments(path)} to "${renamed}"`, expect: 'reject' };
}

/** Counts a record may leave null ("not reported"): a number or null are both valid there. */
const NULLABLE_COUNTS = ['sample_size', 'studies_included', 'k', 'n', 'i2'];

function changeType(rand: Rand, data: Record<string, unknown>): Variant | null {
  const path = pick(rand, allPaths(data));
  const value = getAt(data, path);
  const kind = Array.isArray(value) ? 'list' : value === null ? 'null' : typeof value;
  const nullableCount = NULLABLE_COUNTS.includes(String(lastKey(path)));
  const options: [string, unknown, Mutant['expect']][] = [];
  if (kind !== 'number') options.push(['a number', 42, kind === 'string' || (kind === 'null' && nullableCount) ? 'any' : 'reject']);
  if (kind === 'number') options.push(['text', 'forty', 'reject'], ['quoted number', String(value), 'reject']);
  if (kind !== 'string' && kind !== 'number') options.push(['text', 'some text', 'reject']);
  if (kind !== 'boolean') options.push(['true', true, 'reject']);
  if (kind !== 'null') options.push(['null', null, nullableCount ? 'any' : 'reject']);
  if (kind !== 'list') options.push(['a list', [value], 'reject']);
  if (kind !== 'object') options.push(['a group of fields', { value }, 'reject']);
  const [label, replacement, expect] = pick(rand, options);
  const next = clone(data);
  setAt(next, path, replacement);
  return { data: next, path: formatSegments(path), description: `${formatSegments(path)}: ${kind} -> ${label}`, expect };
}

function enumValue(rand: Rand, data: Record<string, unknown>): Variant | null {
  const paths = pathsWhere(data, (v, p) => typeof v === 'string' && enumValues(p, data) !== undefined);
  if (!paths.length) return null;
  const path = pick(rand, paths);
  const value = String(getAt(data, path));
  const allowed = enumValues(path, data)!;
  const wrong = [
    value.toUpperCase(),
    value[0]!.toUpperCase() + value.slice(1),
    value.replace(/-/g, ' '),
    value.replace(/-/g, '_'),
    `${value}s`,
    value.slice(0, -1),
    ` ${value}`,
    pick(rand, ['videoconferencing', 'RCT', 'face to face', 'included ', 'n/a', 'unknown', 'yes', 'none-reported']),
  ].filter((w) => !allowed.includes(w));
  const valid = allowed.filter((a) => a !== value);
  const useValid = valid.length > 0 && rand() < 0.3;
  const replacement = useValid ? pick(rand, valid) : pick(rand, wrong);
  const next = clone(data);
  setAt(next, path, replacement);
  return {
    data: next,
    path: formatSegments(path),
    description: `${formatSegments(path)}: "${value}" -> "${replacement}"`,
    expect: useValid ? 'any' : 'reject',
  };
}

function numberValue(rand: Rand, data: Record<string, unknown>): Variant | null {
  const paths = pathsWhere(data, (v) => typeof v === 'number');
  if (!paths.length) return null;
  const path = pick(rand, paths);
  const whole = isWholeNumber(path);
  const key = String(lastKey(path));
  const options: [string, number, Mutant['expect']][] = [
    ['NaN', NaN, 'reject'],
    ['Infinity', Infinity, 'reject'],
    ['-Infinity', -Infinity, 'reject'],
    // Huge values: no year, count, correlation, mean or difference is this large.
    ['1e20', 1e20, 'reject'],
    ['2^53 + 2', 2 ** 53 + 2, 'reject'],
    ['-1e308', -1e308, 'reject'],
    ['-1', -1, whole || key === 'sd' ? 'reject' : 'any'],
    ['0.5', 0.5, whole ? 'reject' : 'any'],
    ['0', 0, key === 'year' || key === 'sd' || key === 'n' ? 'reject' : 'any'],
    ['3026', 3026, key === 'year' ? 'reject' : 'any'],
  ];
  const [label, replacement, expect] = pick(rand, options);
  const next = clone(data);
  setAt(next, path, replacement);
  return {
    data: next,
    path: formatSegments(path),
    description: `${formatSegments(path)}: ${String(getAt(data, path))} -> ${label}`,
    expect,
  };
}

function stringValue(rand: Rand, data: Record<string, unknown>): Variant | null {
  const paths = pathsWhere(data, (v, p) => typeof v === 'string' && !isDatePath(p));
  if (!paths.length) return null;
  const path = pick(rand, paths);
  const value = String(getAt(data, path));
  // Free text may hold anything printable (pages show it escaped); an identifier that becomes a link
  // (a DOI, a source's web address) must not hide control characters, line breaks or a reversal.
  const link = ['doi', 'url'].includes(String(lastKey(path)));
  const odd: Mutant['expect'] = link ? 'reject' : 'any';
  const options: [string, string, Mutant['expect']][] = [
    ['empty', '', 'reject'],
    ['blank', '   ', 'reject'],
    ['very long', `${value} ${'lorem ipsum '.repeat(400)}`.trim(), 'any'],
    ['with ANSI and NUL control characters', `${value}\u001b[31m red\u0000`, odd],
    ['with a newline forging a second problem line', `${value}\ncontent/studies/cook-2002.yaml:1 id: forged problem`, odd],
    ['with a carriage return', `${value}\roverwritten`, odd],
    ['with a Unicode line separator', `${value}\u2028second line`, odd],
    ['with a bidirectional override', `${value}\u202eevil`, odd],
    ['padded with spaces', `  ${value}  `, 'any'],
    ['as a number-like text', '12', 'any'],
  ];
  const [label, replacement, expect] = pick(rand, options);
  const next = clone(data);
  setAt(next, path, replacement);
  return { data: next, path: formatSegments(path), description: `${formatSegments(path)}: ${label}`, expect };
}

function dateValue(rand: Rand, data: Record<string, unknown>): Variant | null {
  const path: Segment[] = ['provenance', pick(rand, ['added', 'updated'])];
  const options: [string, Mutant['expect']][] = [
    ['2026-02-31', 'reject'],
    ['2025-02-29', 'reject'],
    ['2026-04-31', 'reject'],
    ['2026-13-01', 'reject'],
    ['2026-00-10', 'reject'],
    ['2026-1-5', 'reject'],
    ['26-01-01', 'reject'],
    ['2026/01/01', 'reject'],
    ['01-01-2026', 'reject'],
    ['2026-01-01T10:00:00+05:00', 'reject'],
    ['yesterday', 'reject'],
    ['', 'reject'],
    ['2024-02-29', 'any'],
  ];
  const [replacement, expect] = pick(rand, options);
  const next = clone(data);
  setAt(next, path, replacement);
  // An accepted date is kept exactly as written.
  return {
    data: next,
    path: formatSegments(path),
    description: `${formatSegments(path)}: "${replacement}" (quoted)`,
    expect,
    stored: replacement,
  };
}

function idMismatch(rand: Rand, target: Target): Variant | null {
  const data = target.data;
  const id = String(data['id']);
  const other = target.others.length ? String(pick(rand, target.others)['id']) : 'someone-1999';
  const stem = target.file.replace(/^.*\//, '').replace(/\.yaml$/, '');
  const folder = target.file.replace(/[^/]*$/, '');
  const choice = int(rand, 8);
  const withId = (value: unknown, description: string): Variant => ({
    data: { ...clone(data), id: value },
    path: 'id',
    description,
    expect: 'reject',
  });
  switch (choice) {
    case 0:
      return withId('zz-other-2010', `id: "${id}" -> "zz-other-2010" (not the file name)`);
    case 1:
      return withId(other, `id: "${id}" -> "${other}" (another record's id)`);
    case 2:
      return withId(id.replace(/-/g, '_'), `id: "${id}" -> "${id.replace(/-/g, '_')}" (not kebab-case)`);
    case 3:
      return withId(id[0]!.toUpperCase() + id.slice(1), `id: "${id}" -> capitalised`);
    case 4:
      return withId(`${id}-`, `id: "${id}" -> trailing hyphen`);
    case 5:
      return withId(2002, `id: "${id}" -> the number 2002`);
    case 6:
      // The file is renamed; the id inside still says the old name.
      return {
        text: target.text,
        file: `${folder}${stem}-renamed.yaml`,
        path: 'id',
        description: `file renamed to ${stem}-renamed.yaml, id left as "${id}"`,
        expect: 'reject',
      };
    default:
      // A second file holding the same record (issue 11: "a second file with id: cook-2002").
      return {
        text: target.text,
        file: `${folder}${stem}-copy.yaml`,
        path: 'id',
        description: `a second file, ${stem}-copy.yaml, holding the same record (id "${id}")`,
        expect: 'reject',
        keepsOriginal: true,
      };
  }
}

function duplicateIdentifier(rand: Rand, target: Target): Variant | null {
  const withDoi = target.others.filter((o) => typeof o['doi'] === 'string');
  const withPmid = target.others.filter((o) => typeof o['pmid'] === 'string');
  const next = clone(target.data);
  const choice = int(rand, 3);
  if (choice < 2 && withDoi.length) {
    const other = pick(rand, withDoi);
    const doi = choice === 0 ? String(other['doi']) : String(other['doi']).toUpperCase();
    next['doi'] = doi;
    return {
      data: next,
      path: 'doi',
      description: `doi -> "${doi}", the DOI of ${String(other['id'])}${choice ? ' in capitals' : ''}`,
      expect: 'reject',
    };
  }
  if (!withPmid.length) return null;
  const other = pick(rand, withPmid);
  next['pmid'] = other['pmid'];
  return {
    data: next,
    path: 'pmid',
    description: `pmid -> "${String(other['pmid'])}", the PMID of ${String(other['id'])}`,
    expect: 'reject',
  };
}

function nesting(rand: Rand, data: Record<string, unknown>): Variant | null {
  const next = clone(data);
  const objects = pathsWhere(data, (v) => !!v && typeof v === 'object' && !Array.isArray(v));
  const singleLists = pathsWhere(data, (v) => Array.isArray(v) && v.length === 1);
  const lists = pathsWhere(data, (v) => Array.isArray(v) && v.length > 0);
  const scalars = pathsWhere(data, (v) => typeof v === 'string' || typeof v === 'number');
  const choice = int(rand, 6);
  if (choice === 0 && objects.length) {
    const path = pick(rand, objects);
    setAt(next, path, [getAt(data, path)]);
    return { data: next, path: formatSegments(path), description: `${formatSegments(path)}: group wrapped in a list`, expect: 'reject' };
  }
  if (choice === 1 && singleLists.length) {
    const path = pick(rand, singleLists);
    setAt(next, path, (getAt(data, path) as unknown[])[0]);
    return {
      data: next,
      path: formatSegments(path),
      description: `${formatSegments(path)}: list of one written as its item`,
      expect: 'reject',
    };
  }
  if (choice === 2 && lists.length) {
    const path = pick(rand, lists);
    setAt(next, path, [getAt(data, path)]);
    return { data: next, path: formatSegments(path), description: `${formatSegments(path)}: list inside a list`, expect: 'reject' };
  }
  if (choice === 3) {
    // A nested field moved to the top level (indentation lost).
    const field = pick(rand, ['vs_face_to_face', 'outcome_link', 'measures', 'verification', 'sources']);
    const parent = ['vs_face_to_face', 'outcome_link', 'measures'].includes(field) ? 'alliance' : 'provenance';
    const group = next[parent] as Record<string, unknown>;
    next[field] = group[field];
    delete group[field];
    return { data: next, path: `${parent}.${field}`, description: `${parent}.${field} moved to the top level`, expect: 'reject' };
  }
  if (choice === 4) {
    // A top-level field indented under the group before it.
    const field = pick(rand, ['design', 'summary', 'comparator', 'population']);
    const value = next[field];
    delete next[field];
    (next['alliance'] as Record<string, unknown>)[field] = value;
    return { data: next, path: field, description: `${field} moved into alliance`, expect: 'reject' };
  }
  if (!scalars.length) return null;
  const path = pick(rand, scalars);
  setAt(next, path, { value: getAt(data, path) });
  return { data: next, path: formatSegments(path), description: `${formatSegments(path)}: value wrapped in a group`, expect: 'reject' };
}

function reference(rand: Rand, target: Target): Variant | null {
  const next = clone(target.data);
  const reviews = next['reviews'] as Record<string, unknown>[];
  const first = reviews[0]!;
  const id = String(next['id']);
  const other = target.others.length ? String(pick(rand, target.others)['id']) : 'someone-1999';
  switch (int(rand, 9)) {
    case 0:
      first['review'] = 'no-such-review';
      return { data: next, path: 'reviews[0].review', description: 'reviews[0].review -> an unknown review', expect: 'reject' };
    case 1:
      first['decision'] = 'excluded';
      delete first['reason'];
      return {
        data: next,
        path: 'reviews[0].decision',
        description: 'reviews[0].decision -> "excluded" without a reason',
        expect: 'reject',
      };
    case 2:
      first['decision'] = 'excluded';
      first['reason'] = 'no-such-reason';
      return { data: next, path: 'reviews[0].reason', description: 'excluded for an unknown reason', expect: 'reject' };
    case 3:
      first['reason'] = 'wrong-population';
      return {
        data: next,
        path: 'reviews[0].reason',
        description: 'a reason on a decision that is not "excluded"',
        expect: first['decision'] === 'excluded' ? 'any' : 'reject',
      };
    case 4:
      reviews.push(clone(first));
      return { data: next, path: 'reviews[1].review', description: 'the same review named twice', expect: 'reject' };
    case 5:
      next['same_participants_as'] = [{ study: 'no-such-study', overlap: 'same', note: 'A note.' }];
      return {
        data: next,
        path: 'same_participants_as[0].study',
        description: 'same_participants_as names an unknown record',
        expect: 'reject',
      };
    case 6:
      next['same_participants_as'] = [{ study: id, overlap: 'possible', note: 'A note.' }];
      return {
        data: next,
        path: 'same_participants_as[0].study',
        description: 'same_participants_as names the record itself',
        expect: 'reject',
      };
    case 7:
      next['previous_ids'] = [other];
      return { data: next, path: 'previous_ids[0]', description: `previous_ids names "${other}", a current record`, expect: 'reject' };
    default:
      (next['provenance'] as Record<string, unknown>)['unverified_fields'] = ['alliance.no_such_field'];
      return {
        data: next,
        path: 'provenance.unverified_fields[0]',
        description: 'unverified_fields names a field that does not exist',
        expect: 'reject',
      };
  }
}

function yamlText(rand: Rand, target: Target): Variant {
  const text = target.text;
  const lines = text.split('\n');
  const at = 1 + int(rand, Math.max(1, lines.length - 2));
  const insert = (line: string) => [...lines.slice(0, at), line, ...lines.slice(at)].join('\n');
  const updated = /^( {2}updated: ).*$/m;
  const options: [string, () => string, Mutant['expect'], unknown?][] = [
    ['an unclosed quote', () => insert('title_note: "never closed'), 'reject'],
    ['an unclosed bracket', () => insert('conditions_extra: [ptsd, panic'), 'reject'],
    ['a tab-indented line', () => insert('\tdesign: rct'), 'reject'],
    // Inside a block scalar (a summary written with >-) a deeper-indented line is only more text.
    ['a line with a stray indentation', () => insert('      stray: value'), 'any'],
    ['a duplicated key', () => `${text.trimEnd()}\nid: ${target.data['id']}\n`, 'reject'],
    ['a second YAML document', () => `${text.trimEnd()}\n---\nid: other\n`, 'reject'],
    ['an empty file', () => '', 'reject'],
    ['only a comment', () => '# nothing here yet\n', 'reject'],
    ['a list at the top level', () => '- id: x\n- id: y\n', 'reject'],
    ['a single value', () => 'just some words\n', 'reject'],
    ['a reserved indicator', () => insert('design: @rct'), 'reject'],
    ['cut in the middle', () => text.slice(0, Math.floor(text.length / 2)), 'reject'],
    ['a byte-order mark', () => `\uFEFF${text}`, 'any'],
    ['Windows line ends', () => text.replace(/\n/g, '\r\n'), 'any'],
    ['a trailing comment', () => `${text.trimEnd()}\n# reviewed again later\n`, 'any'],
    // Unquoted dates are read by YAML as dates: an impossible one must not roll over to another day.
    ['an unquoted 2026-02-30 as provenance.updated', () => text.replace(updated, '$12026-02-30'), 'reject'],
    ['an unquoted 2026-11-31 as provenance.updated', () => text.replace(updated, '$12026-11-31'), 'reject'],
    // A time stamp with a time zone must not shift the day.
    [
      'a time stamp with a time zone as provenance.updated',
      () => text.replace(updated, '$12026-11-30T23:30:00-05:00'),
      'any',
      '2026-11-30',
    ],
  ];
  const [label, make, expect, stored] = pick(rand, options);
  const variant: Variant = { text: make(), path: '', description: `the file text with ${label}`, expect };
  if (label.includes('provenance.updated')) {
    variant.path = 'provenance.updated';
    if (stored !== undefined) variant.stored = stored;
  }
  return variant;
}

/** One mutant of `kind` of the target, or null when that kind does not apply to it. */
export function mutate(kind: MutationKind, rand: Rand, target: Target): Variant | null {
  const data = target.data;
  switch (kind) {
    case 'delete-field':
      return deleteField(rand, data);
    case 'rename-key':
      return renameKey(rand, data);
    case 'change-type':
      return changeType(rand, data);
    case 'enum-value':
      return enumValue(rand, data);
    case 'number-value':
      return numberValue(rand, data);
    case 'string-value':
      return stringValue(rand, data);
    case 'date-value':
      return dateValue(rand, data);
    case 'id-mismatch':
      return idMismatch(rand, target);
    case 'duplicate-identifier':
      return duplicateIdentifier(rand, target);
    case 'nesting':
      return nesting(rand, data);
    case 'reference':
      return reference(rand, target);
    case 'yaml-text':
      return yamlText(rand, target);
  }
}

/** `count` mutants spread over the kinds and the targets, the same for the same seed. */
export function makeMutants(rand: Rand, targets: readonly Target[], count: number): Mutant[] {
  const mutants: Mutant[] = [];
  for (let n = 0, tries = 0; mutants.length < count && tries < count * 20; tries++) {
    const kind = mutationKinds[n % mutationKinds.length]!;
    const target = pick(rand, targets);
    const variant = mutate(kind, rand, target);
    if (!variant) continue;
    const { data, text, file, ...rest } = variant;
    mutants.push({
      n,
      kind,
      set: target.set,
      file: file ?? target.file,
      original: target.file,
      id: String(target.data['id']),
      ...rest,
      text: text ?? dumpRecord(data),
    });
    n++;
  }
  return mutants;
}
