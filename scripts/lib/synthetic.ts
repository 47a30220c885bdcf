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
  synthesisDesigns,
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

/** Designs of primary studies: a review of reviews needs a `synthesis` block the generator does not write. */
const primaryDesigns = designs.filter((d) => !(synthesisDesigns as readonly string[]).includes(d));

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
    const comparator = pick(comparators);
    // Valid and warning-free: a face-to-face comparison has a finding, and "not-reported" is listed as unconfirmed.
    const vs = pick(vsFaceToFace);
    const vsFaceToFaceValue = comparator === 'face-to-face' && vs === 'not-compared' ? 'equivalent' : vs;
    const outcomeLink = pick(outcomeLinks);
    const unverified = [
      ...(vsFaceToFaceValue === 'not-reported' ? ['alliance.vs_face_to_face'] : []),
      ...(outcomeLink === 'not-reported' ? ['alliance.outcome_link'] : []),
    ];
    return {
      id,
      title,
      year: Math.min(year, new Date().getFullYear()),
      journal: 'Journal of Synthetic Data',
      authors: [`${pick(families)}, A.`, `${pick(families)}, B.`],
      doi: `10.5555/synthetic.${i}`,
      design: pick(primaryDesigns),
      population: 'Synthetic participants',
      conditions: [pick(conditions)],
      sample_size: rnd() < 0.1 ? null : 10 + Math.floor(rnd() * 400),
      modalities: mods,
      comparator,
      alliance: {
        measures: [{ instrument: pick(['WAI', 'WAI-S', 'ARM', 'SEQ']), rater: pick(raters) }],
        vs_face_to_face: vsFaceToFaceValue,
        outcome_link: outcomeLink,
      },
      summary: `A synthetic record generated for benchmarks about ${pick(words)} and ${pick(words)}; it describes no real study.`,
      reviews: [{ review: 'synthetic-review', decision: 'included' }],
      provenance: {
        verification: pick(verifications),
        unverified_fields: unverified,
        sources: [],
        added: '2026-01-01',
        updated: '2026-01-01',
      },
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

/** Options for syntheticEntries: how many entries of each kind. */
export interface SyntheticEntryOptions {
  /** Distinct papers, each with its own title, first author and DOI. */
  distinct?: number;
  /** Series pairs: "… part 1" and "… part 2", same authors, same year, no DOI (2 entries each). */
  parts?: number;
  /** Pairs with the same title and year by different first authors, no DOI (2 entries each). */
  otherAuthor?: number;
  /** Real near-duplicates: a copy of a distinct paper with its title re-cased, one letter dropped and the DOI left out. */
  nearCopies?: number;
  seed?: number;
}

/** One synthetic search result, in the fields a RIS entry carries. */
export interface SyntheticEntry {
  title: string;
  authors: string[];
  year: number;
  journal: string;
  volume: string;
  pages: string;
  doi?: string;
}

/** Deterministic, clearly fictional search results for scale and duplicate tests (see SyntheticEntryOptions). */
export function syntheticEntries(options: SyntheticEntryOptions = {}): SyntheticEntry[] {
  const rnd = seededRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const given = ['Anna', 'Ben', 'Carla', 'David', 'Eva', 'Felix', 'Greta', 'Hugo'];
  const author = () => `${pick(families)}${Math.floor(rnd() * 50)}, ${pick(given)}`;
  let n = 0;
  const base = (): SyntheticEntry => {
    n++;
    const title = `${Array.from({ length: 7 }, () => pick(words)).join(' ')} synthetic paper ${n.toString(36)}`;
    return {
      title: title[0]!.toUpperCase() + title.slice(1),
      authors: [author(), author(), author()],
      year: 1995 + Math.floor(rnd() * 30),
      journal: 'Journal of Synthetic Data',
      volume: String(1 + Math.floor(rnd() * 40)),
      pages: `${10 + n}-${20 + n}`,
    };
  };
  const out: SyntheticEntry[] = [];
  const distinct: SyntheticEntry[] = [];
  for (let i = 0; i < (options.distinct ?? 0); i++) {
    const entry = { ...base(), doi: `10.5555/synthetic.${n}` };
    distinct.push(entry);
    out.push(entry);
  }
  for (let i = 0; i < (options.parts ?? 0); i++) {
    const entry = base();
    out.push({ ...entry, title: `${entry.title}: part 1` }, { ...entry, title: `${entry.title}: part 2`, pages: `${n}-${n + 5}` });
  }
  for (let i = 0; i < (options.otherAuthor ?? 0); i++) {
    const entry = base();
    const family = (a: string) => a.split(',')[0];
    let other = author();
    while (family(other) === family(entry.authors[0]!)) other = author();
    out.push(entry, { ...entry, authors: [other, ...entry.authors.slice(1)], pages: `${n}-${n + 9}` });
  }
  for (let i = 0; i < (options.nearCopies ?? 0) && distinct.length > 0; i++) {
    const { doi: _, ...source } = distinct[(i * 7919) % distinct.length]!;
    out.push({ ...source, title: source.title.toLowerCase().replace(/a/, '') });
  }
  return out;
}

/** Entries as a RIS file (`TY  - JOUR` … `ER  - `), CRLF line ends as most exports write them. */
export function syntheticRis(entries: readonly SyntheticEntry[]): string {
  const lines: string[] = [];
  for (const e of entries) {
    lines.push('TY  - JOUR', `TI  - ${e.title}`, ...e.authors.map((a) => `AU  - ${a}`), `PY  - ${e.year}`, `JO  - ${e.journal}`);
    lines.push(`VL  - ${e.volume}`, `SP  - ${e.pages.split('-')[0]}`, `EP  - ${e.pages.split('-')[1]}`);
    if (e.doi) lines.push(`DO  - ${e.doi}`);
    lines.push('AB  - A synthetic abstract: it describes no real study.', 'ER  - ', '');
  }
  return lines.join('\r\n');
}
