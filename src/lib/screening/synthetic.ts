// A synthetic, labelled set of search records for measuring the relevance ranking and for timing
// the workspace at scale: clearly fictional, generated from a seed, the same on every machine.
//
// How it is made (so the measurement says what it measures): a vocabulary of made-up words in
// three kinds — background words every record uses, 12 topics of 30 words, and 20 "criterion"
// words. Every record draws its words from the background (55%), its own topic (30%) and another
// topic (15%). Includes are records of topic 0 that also use criterion words; a third of topic 0's
// records are near misses (topic 0, no criterion words: excluded, as an on-topic record that fails
// a criterion is at screening). `noise` of the includes are off-topic records (a reviewer's odd
// include). A quarter of the records carry no DOI, and half of those no PMID, so their keys come
// from their content.
import { seededRandom } from '../random';

/** One synthetic record: the fields a search export holds. */
export interface SyntheticRecord {
  title: string;
  year: number;
  authors: string[];
  journal: string;
  doi?: string;
  pmid?: string;
  abstract: string;
}

/** Options of the generator. */
export interface SyntheticSetOptions {
  count: number;
  /** Share of records on topic 0 (default 0.09; two thirds of them includes, so about 6% includes). */
  topicShare?: number;
  /** Share of the includes that are off-topic records, included as reviewers include odd records (default 0.03). */
  noise?: number;
  seed?: number;
}

const syllables = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pa', 'do', 'fe', 'gi', 'ho', 'ju', 'be'];

function makeWords(count: number, rnd: () => number, taken: Set<string>): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const length = 2 + Math.floor(rnd() * 3);
    const word = Array.from({ length }, () => syllables[Math.floor(rnd() * syllables.length)]).join('');
    if (taken.has(word)) continue;
    taken.add(word);
    out.push(word);
  }
  return out;
}

/** `count` labelled records (see the top of this file); `labels[i]` says whether record i is an include. */
export function syntheticScreeningSet(options: SyntheticSetOptions): { records: SyntheticRecord[]; labels: boolean[] } {
  const rnd = seededRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const taken = new Set<string>();
  const background = makeWords(300, rnd, taken);
  const topics = Array.from({ length: 12 }, () => makeWords(30, rnd, taken));
  const criterion = makeWords(20, rnd, taken);
  const families = makeWords(400, rnd, taken).map((w) => w[0]?.toUpperCase() + w.slice(1));
  const journals = makeWords(40, rnd, taken).map((w) => `Journal of ${w[0]?.toUpperCase()}${w.slice(1)} Studies`);
  const topicShare = options.topicShare ?? 0.09;
  const noise = options.noise ?? 0.03;
  // An off-topic record is an include with the chance that makes `noise` of the includes such records.
  const includeShare = (topicShare * 2) / 3;
  const strayChance = (noise * includeShare) / ((1 - noise) * (1 - includeShare));
  const records: SyntheticRecord[] = [];
  const labels: boolean[] = [];
  for (let i = 0; i < options.count; i++) {
    const onTopic = rnd() < topicShare;
    const topic = onTopic ? 0 : 1 + Math.floor(rnd() * (topics.length - 1));
    const other = pick(topics.filter((_, t) => t !== topic));
    const own = topics[topic] ?? [];
    const included = onTopic && rnd() < 2 / 3;
    const word = () => {
      const r = rnd();
      if (included && r < 0.08) return pick(criterion);
      if (r < 0.55) return pick(background);
      if (r < 0.85) return pick(own);
      return pick(other);
    };
    const words = (n: number) => Array.from({ length: n }, word);
    const title = words(7 + Math.floor(rnd() * 7)).join(' ');
    const abstract = `${words(90 + Math.floor(rnd() * 80)).join(' ')}.`;
    const record: SyntheticRecord = {
      title: `${title[0]?.toUpperCase()}${title.slice(1)}`,
      year: 1990 + Math.floor(rnd() * 35),
      authors: Array.from(
        { length: 1 + Math.floor(rnd() * 4) },
        () => `${pick(families)}, ${String.fromCharCode(65 + Math.floor(rnd() * 26))}.`,
      ),
      journal: pick(journals),
      abstract: `${abstract[0]?.toUpperCase()}${abstract.slice(1)}`,
    };
    const ids = rnd();
    if (ids < 0.75) record.doi = `10.5555/synthetic.screen.${i}`;
    if (ids < 0.5 || (ids >= 0.75 && ids < 0.875)) record.pmid = String(80_000_000 + i);
    records.push(record);
    labels.push(included || (!onTopic && rnd() < strayChance));
  }
  return { records, labels };
}

/** RIS text of the records (one `TY  - JOUR` entry each), as a database export writes it. */
export function syntheticRis(records: readonly SyntheticRecord[]): string {
  const lines: string[] = [];
  for (const r of records) {
    lines.push('TY  - JOUR');
    for (const author of r.authors) lines.push(`AU  - ${author}`);
    lines.push(`TI  - ${r.title}`, `JO  - ${r.journal}`, `PY  - ${r.year}`);
    if (r.doi) lines.push(`DO  - ${r.doi}`);
    if (r.pmid) lines.push(`AN  - PMID: ${r.pmid}`);
    lines.push(`AB  - ${r.abstract}`, 'ER  - ', '');
  }
  return lines.join('\n');
}
