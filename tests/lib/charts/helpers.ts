// Fixtures for chart tests: full study records validated by the real schema, and rounding for snapshots.
import { studySchema, type Study, type StudyInput } from '../../../src/schemas';
import { seededRandom } from '../../../src/lib/random';

/** Overrides for `makeStudy`; `alliance` is merged one level deep. */
export type StudyOverrides = Omit<Partial<StudyInput>, 'alliance'> & { alliance?: Partial<StudyInput['alliance']> };

const base: StudyInput = {
  id: 'example-2010',
  title: 'Working alliance in email therapy',
  year: 2010,
  journal: 'Journal of Examples',
  authors: ['Example, Ann'],
  design: 'rct',
  population: 'Adults with mild depression.',
  conditions: ['depression'],
  sample_size: 40,
  modalities: ['email'],
  comparator: 'face-to-face',
  alliance: {
    measures: [{ instrument: 'WAI-S', rater: 'client' }],
    vs_face_to_face: 'equivalent',
    outcome_link: 'not-tested',
  },
  summary: 'An example study used in tests.',
  reviews: [{ review: 'sucala-2012', decision: 'included' }],
  provenance: { verification: 'full-text', added: '2024-01-01', updated: '2024-01-01' },
};

/** A full study record with `overrides` applied, validated by `studySchema.parse` (throws on an invalid fixture). */
export function makeStudy(overrides: StudyOverrides = {}): Study {
  const { alliance, ...rest } = overrides;
  // A study without a face-to-face comparison cannot have a face-to-face arm (the schema rejects it).
  const comparator = alliance?.vs_face_to_face === 'not-compared' && !rest.comparator ? { comparator: 'none' as const } : {};
  return studySchema.parse({ ...base, ...comparator, ...rest, alliance: { ...base.alliance, ...alliance } });
}

/** Rounds every number in a value, including numbers inside strings such as SVG paths, for stable snapshots. */
export function roundDeep<T>(value: T, digits = 2): T {
  const f = 10 ** digits;
  const r = (x: number) => Math.round(x * f) / f + 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'number') return Number.isFinite(v) ? r(v) : v;
    if (typeof v === 'string') return /^M[\d.-]/.test(v) ? v.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (m) => String(r(Number(m)))) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(value) as T;
}

const MODALITY_SETS: Study['modalities'][] = [
  ['email'],
  ['chat'],
  ['videoconference'],
  ['telephone'],
  ['internet-program'],
  ['virtual-reality'],
  ['email', 'chat'],
];
const FINDINGS: Study['alliance']['vs_face_to_face'][] = ['etherapy-higher', 'equivalent', 'etherapy-lower', 'mixed', 'not-compared'];

/** `n` synthetic studies (1990–2024, every modality and finding, one correlation or SMD each), cloned from one validated record. */
export function syntheticStudies(n: number, seed = 1): Study[] {
  const random = seededRandom(seed);
  const template = makeStudy();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  return Array.from({ length: n }, (_, i): Study => {
    const effect: NonNullable<Study['alliance']['effects']>[number] =
      i % 2 === 0
        ? {
            kind: 'correlation',
            label: 'WAI vs outcome',
            r: Math.round((random() * 1.2 - 0.4) * 100) / 100,
            n: 20 + Math.floor(random() * 200),
          }
        : { kind: 'smd', label: 'WAI e-therapy vs face-to-face', smd: 0.1, ci_low: -0.2 - random() * 0.3, ci_high: 0.4 + random() * 0.3 };
    return {
      ...template,
      id: `synthetic-${i}`,
      year: 1990 + Math.floor(random() * 35),
      modalities: pick(MODALITY_SETS),
      alliance: { ...template.alliance, vs_face_to_face: pick(FINDINGS), effects: [effect] },
    };
  });
}
