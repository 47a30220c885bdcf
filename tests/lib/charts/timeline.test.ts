import { describe, expect, test } from 'vitest';
import { buildTimeline, modalityCategory } from '../../../src/lib/charts/timeline';
import { makeStudy, roundDeep, syntheticStudies } from './helpers';

const studies = [
  makeStudy({ id: 'a-2000', year: 2000, modalities: ['videoconference'] }),
  makeStudy({ id: 'b-2000', year: 2000, modalities: ['email'] }),
  makeStudy({ id: 'c-2002', year: 2002, modalities: ['email'] }),
  makeStudy({ id: 'd-2003', year: 2003, modalities: ['email', 'chat'] }),
];

describe('buildTimeline', () => {
  const spec = buildTimeline(studies);
  const bar = (year: number) => spec.bars.find((b) => b.year === year);

  test('draws one bar per year from the first study to the last, empty years included', () => {
    expect(spec.bars.map((b) => [b.year, b.total])).toEqual([
      [2000, 2],
      [2001, 0],
      [2002, 1],
      [2003, 1],
    ]);
  });

  test('stacks each bar by modality, a study with several modalities under "several"', () => {
    expect(bar(2000)?.segments.map((s) => [s.category, s.count])).toEqual([
      ['email', 1],
      ['videoconference', 1],
    ]);
    expect(bar(2003)?.segments.map((s) => s.category)).toEqual(['several']);
    expect(modalityCategory({ modalities: ['chat', 'chat'] })).toBe('chat');
  });

  test('stacks segments without gaps from the baseline to the top of the bar', () => {
    const b = bar(2000);
    const [lower, upper] = b?.segments ?? [];
    expect(lower && upper && upper.y + upper.height).toBeCloseTo(lower?.y ?? 0, 9);
    expect(upper?.y).toBeCloseTo(b?.y ?? 0, 9);
    expect((lower?.y ?? 0) + (lower?.height ?? 0)).toBe(spec.plot.bottom);
  });

  test('puts integer count ticks on the y axis and year ticks at bar centres', () => {
    expect(spec.yAxis.ticks.every((t) => Number.isInteger(t.value))).toBe(true);
    expect(spec.yAxis.ticks[0]).toMatchObject({ value: 0, position: spec.plot.bottom, label: '0' });
    const tick2000 = spec.xAxis.ticks.find((t) => t.value === 2000);
    expect(tick2000?.position).toBeCloseTo((bar(2000)?.x ?? 0) + (bar(2000)?.width ?? 0) / 2, 9);
  });

  test('names each category in the legend, with a colour and a pattern', () => {
    expect(spec.legend.map((l) => l.label)).toEqual(['Email', 'Videoconference', 'Several modalities']);
    expect(new Set(spec.legend.map((l) => l.pattern)).size).toBe(3);
  });

  test('tables the years that have studies, by category', () => {
    expect(spec.table).toEqual({
      columns: ['Year', 'Email', 'Videoconference', 'Several modalities', 'Total'],
      rows: [
        [2000, 1, 1, 0, 2],
        [2002, 1, 0, 0, 1],
        [2003, 0, 0, 1, 1],
      ],
    });
  });

  test('describes the chart in sentences', () => {
    expect(spec.description).toBe(
      'A stacked bar chart of 4 studies by publication year, from 2000 to 2003, with each bar divided by delivery modality. ' +
        'The most studies in one year were 2, in 2000. By modality: email 2, videoconference 1, several modalities 1.',
    );
    expect(bar(2001)?.ariaLabel).toBe('2001: no studies');
    expect(bar(2000)?.ariaLabel).toBe('2000: 2 studies (1 email, 1 videoconference)');
    expect(bar(2003)?.ariaLabel).toBe('2003: 1 study (1 using several modalities)');
    expect(buildTimeline([...studies, makeStudy({ id: 'e-2002', year: 2002 })]).description).toContain('were 2, in 2000 and 2002.');
  });

  test('says so when there are no studies', () => {
    const empty = buildTimeline([]);
    expect(empty.bars).toEqual([]);
    expect(empty.description).toMatch(/no studies are recorded yet/);
  });

  test('lays out the small example as before', () => {
    expect(roundDeep(spec)).toMatchSnapshot();
  });

  test('builds for 10,000 synthetic studies, thinning year labels', () => {
    const many = buildTimeline(syntheticStudies(10_000));
    expect(many.bars.reduce((sum, b) => sum + b.total, 0)).toBe(10_000);
    expect(many.xAxis.ticks.length).toBeLessThan(many.bars.length);
    expect(many.bars.every((b) => b.label === null)).toBe(false);
  });
});
