import { describe, expect, test } from 'vitest';
import { FOREST_EMPTY_MESSAGE, buildForest } from '../../../src/lib/charts/forest';
import { NOT_POOLED_REASON, POOLING_METHODS } from '../../../src/lib/stats/meta';
import { makeStudy, roundDeep, syntheticStudies } from './helpers';

const withCorrelation = (id: string, r: number, n: number) =>
  makeStudy({ id, alliance: { effects: [{ kind: 'correlation', label: 'WAI vs outcome', r, n }] } });

const studies = [
  withCorrelation('a-2001', 0.3, 50),
  withCorrelation('b-2002', 0.1, 120),
  withCorrelation('c-2003', 0.45, 30),
  makeStudy({
    id: 'd-2004',
    alliance: { effects: [{ kind: 'smd', label: 'WAI e-therapy vs face-to-face', smd: 0.2, ci_low: -0.1, ci_high: 0.5 }] },
  }),
  makeStudy({ id: 'e-2005' }),
];

describe('buildForest', () => {
  const spec = buildForest(studies);
  if (spec.status !== 'ready') throw new Error('expected a drawable forest plot');
  const [corr, smd] = spec.panels;

  test('draws one panel per metric, one row per effect', () => {
    expect(spec.panels.map((p) => [p.metric, p.rows.length])).toEqual([
      ['correlation', 3],
      ['smd', 1],
    ]);
    expect(corr?.rows.map((r) => r.label)).toEqual(['a-2001: WAI vs outcome', 'b-2002: WAI vs outcome', 'c-2003: WAI vs outcome']);
  });

  test('draws the pooled diamond only where three studies share the metric, and names the method', () => {
    expect(corr?.diamond).not.toBeNull();
    expect(corr?.note).toBe(POOLING_METHODS.correlation);
    expect(smd?.diamond).toBeNull();
    expect(smd?.note).toBe(`1 study: ${NOT_POOLED_REASON}`);
  });

  test('spans the diamond over the pooled CI with its centre at the pooled estimate', () => {
    const d = corr?.diamond;
    const [t0, t1] = corr?.axis.ticks ?? [];
    if (!d || !t0 || !t1) throw new Error('expected a diamond and two ticks');
    const toX = (v: number) => t0.position + ((v - t0.value) * (t1.position - t0.position)) / (t1.value - t0.value);
    const [left, , top, , right, , bottom] = (d.path.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
    expect(d.path).toMatch(/^M.*Z$/);
    expect(left).toBeCloseTo(toX(d.ciLow), 2);
    expect(top).toBeCloseTo(toX(d.estimate), 2);
    expect(bottom).toBeCloseTo(toX(d.estimate), 2);
    expect(right).toBeCloseTo(toX(d.ciHigh), 2);
    expect(d.label).toMatch(/^Pooled \(3 studies\), I² = \d+%$/);
  });

  test('sizes squares by weight: the largest study gets the largest square', () => {
    const sizes = corr?.rows.map((r) => r.square?.size ?? 0) ?? [];
    expect(Math.max(...sizes)).toBe(sizes[1]);
    expect(corr?.rows.map((r) => r.inPool)).toEqual([true, true, true]);
    expect((corr?.rows ?? []).reduce((s, r) => s + (r.weight ?? 0), 0)).toBeCloseTo(100, 9);
  });

  test('places the line of no effect at 0 and the estimate on the axis scale', () => {
    const zero = corr?.axis.ticks.find((t) => t.value === 0);
    expect(corr?.nullLine.x).toBeCloseTo(zero?.position ?? Number.NaN, 9);
    const row = smd?.rows[0];
    expect(row?.text).toBe('0.20 [−0.10, 0.50]');
    expect(row?.ci).toMatchObject({ clippedLow: false, clippedHigh: false });
  });

  test('tables every effect and the pooled estimate', () => {
    expect(spec.table.columns).toEqual([
      'Study',
      'Effect',
      'Metric',
      'Estimate',
      '95% CI low',
      '95% CI high',
      'Weight (%)',
      'In pooled estimate',
    ]);
    expect(spec.table.rows.map((r) => [r[0], r[2], r[7]])).toEqual([
      ['a-2001', 'r', 'yes'],
      ['b-2002', 'r', 'yes'],
      ['c-2003', 'r', 'yes'],
      ['Pooled (3 studies)', 'r', ''],
      ['d-2004', 'SMD', 'no'],
    ]);
    expect(spec.table.rows[4]?.slice(3, 6)).toEqual([0.2, -0.1, 0.5]);
  });

  test('names the method in the description', () => {
    expect(spec.description).toMatch(/^A forest plot of 4 numeric alliance effects from 4 studies/);
    expect(spec.description).toContain(`pooled with ${POOLING_METHODS.correlation}: r = `);
    expect(spec.description).toContain(`Standardized mean differences: 1 effect from 1 study; ${NOT_POOLED_REASON}.`);
  });

  test('returns an empty-state message instead of an empty plot when no study reports an effect', () => {
    const empty = buildForest([makeStudy(), makeStudy({ id: 'other-2011' })]);
    expect(empty).toMatchObject({
      status: 'empty',
      message: FOREST_EMPTY_MESSAGE,
      description: FOREST_EMPTY_MESSAGE,
      panels: [],
      height: 0,
    });
    expect(empty.table.rows).toEqual([]);
  });

  test('lays out the small example as before', () => {
    expect(roundDeep(spec)).toMatchSnapshot();
  });

  test('builds for 10,000 synthetic studies', () => {
    const many = buildForest(syntheticStudies(10_000));
    expect(many.status).toBe('ready');
    if (many.status !== 'ready') return;
    expect(many.panels.map((p) => [p.metric, p.rows.length, p.diamond !== null])).toEqual([
      ['correlation', 5_000, true],
      ['smd', 5_000, true],
    ]);
  });
});
