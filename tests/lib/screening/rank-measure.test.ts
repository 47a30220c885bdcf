// How many records must be screened to find 95% of the includes, by relevance versus file order.
// Two labelled sets: (1) the synthetic set of src/lib/screening/synthetic.ts, 2,000 records per seed,
// five seeds; (2) the tracked fixture's 25 records with their title-abstract decisions (consensus
// included). The numbers are printed for the README and the note; the assertions are loose bounds.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseNbib, parseRis } from '../../../src/lib/bibliography';
import { dedupeRecords } from '../../../src/lib/prisma/dedupe';
import { parseScreeningCsv, resolveVotes } from '../../../src/lib/prisma/screening';
import { buildCorpus, recordsToRecall, simulateScreening } from '../../../src/lib/screening/rank';
import { syntheticScreeningSet } from '../../../src/lib/screening/synthetic';

const demo = path.resolve(import.meta.dirname, '../../fixtures/tracked/content/reviews/demo-review');

describe('relevance ranking against file order', () => {
  test('finds 95% of the synthetic includes after screening far fewer records', () => {
    const rows: string[] = [];
    const ratios: number[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const { records, labels } = syntheticScreeningSet({ count: 2000, seed });
      const corpus = buildCorpus(records.map((r) => `${r.title} ${r.abstract}`));
      const file = recordsToRecall(simulateScreening(corpus, labels, { order: 'file' }), labels);
      const relevance = recordsToRecall(simulateScreening(corpus, labels, { order: 'relevance', retrainEvery: 5, seed }), labels);
      ratios.push(relevance / file);
      rows.push(`seed ${seed}: ${labels.filter(Boolean).length} includes of 2000; file order ${file}, relevance ${relevance}`);
    }
    console.info(`[rank-measure] synthetic, 95% recall:\n  ${rows.join('\n  ')}`);
    expect(Math.max(...ratios)).toBeLessThan(0.5);
  });

  test('on the 25-record tracked fixture, says what it can (a set this small shows little)', () => {
    const ris = parseRis(fs.readFileSync(path.join(demo, 'records/psycinfo.ris'), 'utf8'), 'psycinfo').records;
    const nbib = parseNbib(fs.readFileSync(path.join(demo, 'records/pubmed.nbib'), 'utf8'), 'pubmed').records;
    const { unique, aliases } = dedupeRecords([...ris, ...nbib]);
    const { votes } = parseScreeningCsv(fs.readFileSync(path.join(demo, 'screening.csv'), 'utf8'));
    const decisions = resolveVotes(
      votes.map((v) => ({ ...v, record: aliases[v.record] ?? v.record })),
      {},
    );
    const truth = unique.map((r) => decisions.get(r.key)?.['title-abstract']?.status === 'include');
    const corpus = buildCorpus(unique.map((r) => `${r.title} ${r.abstract ?? ''}`));
    const file = recordsToRecall(simulateScreening(corpus, truth, { order: 'file' }), truth);
    const relevance = recordsToRecall(simulateScreening(corpus, truth, { order: 'relevance', retrainEvery: 1 }), truth);
    console.info(
      `[rank-measure] tracked fixture, title-abstract decisions: ${truth.filter(Boolean).length} includes of ${unique.length}; ` +
        `95% recall after file order ${file}, relevance ${relevance}`,
    );
    expect(truth.filter(Boolean)).toHaveLength(10);
    expect(relevance).toBeLessThanOrEqual(unique.length);
  });
});
