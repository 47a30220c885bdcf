import { describe, expect, test } from 'vitest';
import { describeFlow, layoutPrismaFlow, wrapText, type PrismaDiagramSpec } from '../../../src/lib/prisma/layout';
import type { Flow } from '../../../src/schemas/flow';
import { makeFlow, NOTHING_REPORTED } from '../../helpers/factories';

const reasons = [
  { id: 'wrong-population', label: 'Wrong population' },
  { id: 'no-alliance-measure', label: 'No measure of the alliance' },
];

/** The closed flow, ten times larger, with registers and reports not retrieved not reported. */
const basic = makeFlow({
  identified: { databases: 1500, registers: null, per_source: { PubMed: 900, PsycINFO: 600 } },
  removed_before_screening: { duplicates: 250 },
  screened: 1250,
  excluded_screening: 1225,
  not_retrieved: null,
});

const full = makeFlow({
  ...basic,
  included_reports: 10,
  other_methods: {
    identified: { websites: 2, citations: 4 },
    sought: 6,
    not_retrieved: 1,
    assessed: 5,
    excluded: { 'wrong-population': 3 },
  },
  previous: { studies: 3, reports: 4 },
});

/** The spec with every number rounded to one decimal, for stable snapshots. */
const rounded = (spec: PrismaDiagramSpec) =>
  JSON.parse(JSON.stringify(spec, (_, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)));

describe('layoutPrismaFlow', () => {
  test('lays out a databases-only flow (snapshot)', () => {
    expect(rounded(layoutPrismaFlow(basic, { reasons }))).toMatchSnapshot();
  });

  test('lays out a flow with previous studies and other methods (snapshot)', () => {
    expect(rounded(layoutPrismaFlow(full, { reasons }))).toMatchSnapshot();
  });

  test('is deterministic', () => {
    expect(layoutPrismaFlow(full, { reasons })).toEqual(layoutPrismaFlow(full, { reasons }));
  });

  test('writes a null count as "not reported", never as 0', () => {
    const spec = layoutPrismaFlow(basic, { reasons });
    expect(spec.boxes.find((b) => b.id === 'not-retrieved')?.lines).toEqual(['Reports not retrieved', '(n = not reported)']);
    expect(spec.rows.find((r) => r.label === 'Reports not retrieved')).toEqual({
      box: 'not-retrieved',
      stage: 'Screening',
      label: 'Reports not retrieved',
      n: null,
      text: 'not reported',
    });
    expect(spec.boxes.find((b) => b.id === 'identified')?.lines).toContain('Registers (n = not reported)');
  });

  test('writes counts with thousands separators', () => {
    expect(layoutPrismaFlow(basic).boxes.find((b) => b.id === 'screened')?.lines).toEqual(['Records screened', '(n = 1,250)']);
  });

  test('lists exclusion reasons by label with their counts', () => {
    expect(layoutPrismaFlow(basic, { reasons }).boxes.find((b) => b.id === 'excluded-full-text')?.lines).toEqual([
      'Reports excluded:',
      'Wrong population (n = 10)',
      'No measure of the alliance',
      '(n = 5)',
    ]);
  });

  test('draws the previous-studies and other-methods columns only when the flow has them', () => {
    const ids = (f: Flow) => layoutPrismaFlow(f).boxes.map((b) => b.id);
    expect(ids(basic)).not.toContain('previous');
    expect(ids(basic)).not.toContain('other-identified');
    expect(ids(full)).toEqual(
      expect.arrayContaining([
        'header-previous',
        'previous',
        'total',
        'header-other',
        'other-identified',
        'other-sought',
        'other-excluded',
      ]),
    );
    expect(layoutPrismaFlow(full).width).toBeGreaterThan(layoutPrismaFlow(basic).width);
  });

  test('keeps every box inside the drawing and boxes of a row level', () => {
    const spec = layoutPrismaFlow(full, { reasons });
    for (const b of spec.boxes) {
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.y).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(spec.width);
      expect(b.y + b.height).toBeLessThanOrEqual(spec.height);
    }
    const at = (id: string) => spec.boxes.find((b) => b.id === id);
    expect(at('sought')?.y).toBe(at('other-sought')?.y);
    expect(at('assessed')?.height).toBe(at('excluded-full-text')?.height);
  });

  test('joins the boxes with arrows whose paths are d3-shape lines', () => {
    const spec = layoutPrismaFlow(full);
    expect(spec.arrows.map((a) => `${a.from}>${a.to}`)).toEqual([
      'identified>screened',
      'identified>removed',
      'screened>sought',
      'screened>excluded-screening',
      'sought>assessed',
      'sought>not-retrieved',
      'assessed>excluded-full-text',
      'assessed>included',
      'other-identified>other-sought',
      'other-sought>other-not-retrieved',
      'other-sought>other-assessed',
      'other-assessed>other-excluded',
      'other-assessed>included',
      'included>total',
      'previous>total',
    ]);
    const toIncluded = spec.arrows.find((a) => a.from === 'other-assessed' && a.to === 'included');
    expect(toIncluded?.points).toHaveLength(3);
    expect(toIncluded?.path).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);
  });

  test('labels the three stages along the left edge', () => {
    const spec = layoutPrismaFlow(basic);
    expect(spec.stages.map((s) => s.label)).toEqual(['Identification', 'Screening', 'Included']);
    const screened = spec.boxes.find((b) => b.id === 'screened');
    const assessed = spec.boxes.find((b) => b.id === 'assessed');
    expect(spec.stages[1]).toMatchObject({ y: screened?.y, height: (assessed?.y ?? 0) + (assessed?.height ?? 0) - (screened?.y ?? 0) });
  });

  test('links the boxes the caller gives an address for', () => {
    const spec = layoutPrismaFlow(basic, { hrefFor: (id) => (id === 'included' ? '/studies/' : undefined) });
    expect(spec.boxes.filter((b) => b.href).map((b) => [b.id, b.href])).toEqual([['included', '/studies/']]);
    expect('href' in (spec.boxes.find((b) => b.id === 'screened') ?? {})).toBe(false);
  });

  test('gives the numbers as table rows in diagram order', () => {
    const spec = layoutPrismaFlow(basic, { reasons });
    expect(spec.table.columns).toEqual(['Stage', 'Box', 'Count']);
    expect(spec.table.rows.slice(0, 4)).toEqual([
      ['Identification', 'Records identified from databases', '1,500'],
      ['Identification', 'Records identified from PubMed', '900'],
      ['Identification', 'Records identified from PsycINFO', '600'],
      ['Identification', 'Records identified from registers', 'not reported'],
    ]);
    expect(spec.rows.at(-1)).toEqual({ box: 'included', stage: 'Included', label: 'Reports of included studies', n: 8, text: '8' });
  });
});

describe('describeFlow', () => {
  test('states every number of the diagram in sentences, and which are not reported', () => {
    expect(describeFlow(basic, (id) => reasons.find((r) => r.id === id)?.label ?? id)).toBe(
      'PRISMA 2020 flow diagram. ' +
        'Identification: 1,500 records were identified from databases (PubMed 900, PsycINFO 600); the number from registers is not reported. ' +
        'Before screening, 250 duplicate records were removed. ' +
        'Screening: 1,250 records were screened and 1,225 excluded. ' +
        '25 reports were sought for retrieval; the number not retrieved is not reported. ' +
        '23 reports were assessed for eligibility and 15 excluded (Wrong population: 10; No measure of the alliance: 5). ' +
        'Included: 7 studies (8 reports).',
    );
  });

  test('describes the other-methods arm and the totals with a previous version', () => {
    const text = describeFlow(full);
    expect(text).toContain(
      'Other methods: records identified from websites 2, organisations not reported, citation searching 4; reports sought 6, not retrieved 1, assessed 5, excluded 3 (wrong-population: 3).',
    );
    expect(text).toContain(
      'Included: 7 new studies (10 reports). With 3 studies (4 reports) from the previous version, the review includes 10 studies (14 reports) in total.',
    );
  });

  test('says "an unreported number" rather than 0 for a null count', () => {
    expect(describeFlow(makeFlow({ included_studies: 1 }, NOTHING_REPORTED))).toContain('an unreported number of records were screened');
  });
});

describe('wrapText', () => {
  test.each([
    ['Reports assessed for eligibility', 20, ['Reports assessed for', 'eligibility']],
    ['short', 20, ['short']],
    ['averyveryverylongword fits', 10, ['averyveryverylongword', 'fits']],
  ])('wraps %j at %i characters', (text, max, lines) => {
    expect(wrapText(text, max)).toEqual(lines);
  });
});
