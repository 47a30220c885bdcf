// Synthetic, clearly fictional datasets for benchmarks and scale tests: valid records in the
// real schema's shape, generated deterministically from a seed.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { seededRandom } from '../../src/lib/random';
import {
  comparators,
  conditions,
  designs,
  modalities,
  outcomeLinks,
  raters,
  verifications,
  vsFaceToFace,
  type ReviewInput,
  type StudyInput,
} from '../../src/schemas';

const words = [
  'alliance',
  'video',
  'online',
  'therapy',
  'bond',
  'goals',
  'tasks',
  'rapport',
  'distance',
  'remote',
  'client',
  'therapist',
  'session',
  'outcome',
  'trial',
  'anxiety',
  'panic',
  'trauma',
  'mood',
  'chat',
];
const families = [
  'Andersen',
  'Brown',
  'Chen',
  'Dubois',
  'Esposito',
  'Fischer',
  'García',
  'Hansen',
  'Ivanova',
  'Jensen',
  'Kowalski',
  'Lind',
  'Müller',
  'Nakamura',
  'Okafor',
  'Petrova',
];

/** The review every synthetic study belongs to. */
export const syntheticReview: ReviewInput = {
  id: 'synthetic-review',
  title: 'Synthetic review for benchmarks',
  citation: { title: 'A synthetic review', year: 2020, journal: 'Journal of Benchmarks', authors: ['Bench, Mark'] },
  question: 'How does the engine behave at scale?',
  eligibility: { include: ['synthetic studies'], exclude: [] },
  exclusion_reasons: [{ id: 'wrong-population', label: 'Wrong population' }],
  flow: { screened: null, included_studies: null },
};

/** `count` synthetic study records. */
export function syntheticStudies(count: number, seed = 1): StudyInput[] {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  return Array.from({ length: count }, (_, i) => {
    const year = 1995 + Math.floor(rnd() * 30);
    const id = `synthetic-${year}-${String(i).padStart(5, '0')}`;
    const mods = [...new Set([pick(modalities), ...(rnd() < 0.2 ? [pick(modalities)] : [])])];
    const title = `Synthetic study ${i}: ${Array.from({ length: 6 }, () => pick(words)).join(' ')}`;
    return {
      id,
      title,
      year: Math.min(year, new Date().getFullYear()),
      journal: 'Journal of Synthetic Data',
      authors: [`${pick(families)}, A.`, `${pick(families)}, B.`],
      doi: `10.5555/synthetic.${i}`,
      design: pick(designs),
      population: 'Synthetic participants',
      conditions: [pick(conditions)],
      sample_size: rnd() < 0.1 ? null : 10 + Math.floor(rnd() * 400),
      modalities: mods,
      comparator: pick(comparators),
      alliance: {
        measures: [{ instrument: pick(['WAI', 'WAI-S', 'ARM', 'SEQ']), rater: pick(raters) }],
        vs_face_to_face: pick(vsFaceToFace),
        outcome_link: pick(outcomeLinks),
      },
      summary: `A synthetic record generated for benchmarks about ${pick(words)} and ${pick(words)}; it describes no real study.`,
      reviews: [{ review: 'synthetic-review', decision: 'included' }],
      provenance: { verification: pick(verifications), unverified_fields: [], sources: [], added: '2026-01-01', updated: '2026-01-01' },
    } satisfies StudyInput;
  });
}

/** Writes a content folder (studies/ and reviews/) holding `count` synthetic studies; returns its path. */
export function writeSyntheticContent(dir: string, count: number, seed = 1): string {
  fs.mkdirSync(path.join(dir, 'studies'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'reviews'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'reviews', 'synthetic-review.yaml'), yaml.dump(syntheticReview));
  for (const study of syntheticStudies(count, seed))
    fs.writeFileSync(path.join(dir, 'studies', `${study.id}.yaml`), yaml.dump(study, { lineWidth: -1 }));
  return dir;
}
