import { describe, expect, test } from 'vitest';
import { flowVersions } from '../../../src/lib/prisma/versions';
import { makeReview } from '../../helpers/factories';
import { review } from './demo-review';

describe('flowVersions of the living fixture review', () => {
  const versions = flowVersions(review);

  test('gives one column per version, the earlier ones dated and the current one last', () => {
    expect(versions?.columns).toEqual([
      { version: '1', date: '2023-06-01', current: false },
      { version: '2', date: null, current: true },
    ]);
  });

  test.each([
    ['Records identified from PubMed', 'Identification', ['11', '18']],
    ['Duplicate records removed', 'Identification', ['4', '7']],
    ['Records screened', 'Screening', ['16', '25']],
    ['Reports excluded: No measure of the alliance', 'Screening', ['1', '2']],
    ['Studies included in review', 'Included', ['3', '4']],
  ])('sets each version’s count of “%s” side by side', (label, stage, cells) => {
    expect(versions?.rows.find((r) => r.label === label)).toEqual({ stage, label, cells });
  });

  test('keeps the diagram’s order of lines', () => {
    expect(versions?.rows.map((r) => r.label).slice(0, 5)).toEqual([
      'Records identified from databases',
      'Records identified from PubMed',
      'Records identified from PsycINFO',
      'Records identified from registers',
      'Duplicate records removed',
    ]);
  });

  test('lists what changed in each version', () => {
    expect(versions?.changes.map((c) => [c.version, c.date])).toEqual([['1', '2023-06-01']]);
  });
});

describe('flowVersions', () => {
  const firstFlow = { identified: { databases: 10, per_source: { PubMed: 10 } }, screened: 10, included_studies: 1 };

  test('puts a line only one version has after the line it follows there, with “—” in the other columns', () => {
    const living = makeReview({
      version: '2',
      changes: [{ version: '1', date: '2020-01-01', summary: 'First version.', flow: firstFlow }],
      flow: { identified: { databases: 15, per_source: { PubMed: 12, Scopus: 3 } }, screened: 15, included_studies: 2 },
    });
    const rows = flowVersions(living)?.rows.map((r) => [r.label, ...r.cells]);
    expect(rows?.slice(0, 4)).toEqual([
      ['Records identified from databases', '10', '15'],
      ['Records identified from PubMed', '10', '12'],
      ['Records identified from Scopus', '—', '3'],
      ['Records identified from registers', 'not reported', 'not reported'],
    ]);
  });

  test('names the current column "current" when the review gives no version', () => {
    const living = makeReview({ changes: [{ version: '1', date: '2020-01-01', summary: 'First version.', flow: firstFlow }] });
    expect(flowVersions(living)?.columns.at(-1)).toEqual({ version: 'current', date: null, current: true });
  });

  test.each([
    ['a review with no changes', makeReview()],
    [
      'a review whose changes record no flow',
      makeReview({ version: '2', changes: [{ version: '1', date: '2020-01-01', summary: 'First version.' }] }),
    ],
    [
      'a review whose only change with a flow is the current version',
      makeReview({ version: '2', changes: [{ version: '2', date: '2021-01-01', summary: 'Second version.', flow: firstFlow }] }),
    ],
  ])('returns null for %s', (_, r) => {
    expect(flowVersions(r)).toBeNull();
  });
});
