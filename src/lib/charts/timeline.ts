// Timeline: studies per publication year, stacked by how the e-therapy was delivered.
// A stacked bar per year reads the same with 11 studies as with 10,000: bar height is the count, never one mark per study.
import { max as d3max } from 'd3-array';
import { scaleBand, scaleLinear } from 'd3-scale';
import { stack } from 'd3-shape';
import type { Study } from '../../schemas';
import { modalities } from '../../schemas';
import { modalityLabels } from '../labels';
import { BACKGROUND, GRID, INK, MUTED_INK, RULE, modalitySwatches, patternPaths, type ModalityCategory } from './palette';
import { countNoun, formatCount } from '../format';
import type { AxisTick, ChartText, LegendEntry, Point } from './spec';

/** The fields of a study the timeline reads. */
export type TimelineStudy = Pick<Study, 'id' | 'year' | 'modalities'>;

/** One modality category's part of a year's bar. */
export interface TimelineSegment {
  category: ModalityCategory;
  count: number;
  y: number;
  height: number;
  fill: string;
  pattern: string;
}

/** One year's bar. */
export interface TimelineBar {
  year: number;
  total: number;
  x: number;
  width: number;
  /** Top of the bar. */
  y: number;
  /** Bottom to top; categories with no studies that year are left out. */
  segments: TimelineSegment[];
  /** The total printed above the bar, or null when bars are too narrow for text. */
  label: string | null;
  /** Where the total is drawn: centred, just above the bar. */
  labelAt: Point;
  /** Full text for assistive technology, e.g. "2004: 3 studies (2 email, 1 chat)". */
  ariaLabel: string;
}

export interface TimelineSpec extends ChartText {
  kind: 'timeline';
  width: number;
  height: number;
  /** The plotting area inside the margins. */
  plot: { left: number; top: number; right: number; bottom: number };
  bars: TimelineBar[];
  /** Axis titles are drawn at `titleAt`; the y-axis title is turned a quarter turn anticlockwise about that point. */
  xAxis: { label: string; titleAt: Point; ticks: AxisTick[] };
  yAxis: { label: string; titleAt: Point; ticks: AxisTick[] };
  /** Categories that occur in the data, in stacking order. */
  legend: LegendEntry[];
  studies: number;
  /** Colours of the text and lines: labels, axis text, the baseline, gridlines, and the edge between stacked segments. */
  colors: { ink: string; mutedInk: string; rule: string; grid: string; segmentEdge: string };
}

export interface TimelineOptions {
  width?: number;
  height?: number;
}

/** Label for the studies that used more than one modality. */
export const SEVERAL_LABEL = 'Several modalities';

const CATEGORIES: readonly ModalityCategory[] = [...modalities, 'several'];
const MARGIN = { top: 24, right: 16, bottom: 44, left: 52 };
const MAX_BAND = 56;

/** The category a study is stacked under: its one modality, or "several". */
export function modalityCategory(study: Pick<Study, 'modalities'>): ModalityCategory {
  const distinct = [...new Set(study.modalities)];
  return distinct.length === 1 && distinct[0] ? distinct[0] : 'several';
}

/** The label of a modality category. */
export function categoryLabel(category: ModalityCategory): string {
  return category === 'several' ? SEVERAL_LABEL : modalityLabels[category];
}

/** Builds the stacked-bar timeline: one bar per year from the first to the last study, zero years included. */
export function buildTimeline(studies: readonly TimelineStudy[], options: TimelineOptions = {}): TimelineSpec {
  const width = options.width ?? 720;
  const height = options.height ?? 320;
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };

  const zeros = () => Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<ModalityCategory, number>;
  const counts = new Map<number, Record<ModalityCategory, number>>();
  for (const s of studies) {
    let row = counts.get(s.year);
    if (!row) {
      row = zeros();
      counts.set(s.year, row);
    }
    row[modalityCategory(s)] += 1;
  }
  const present = CATEGORIES.filter((c) => [...counts.values()].some((row) => row[c] > 0));
  const yearsWithStudies = [...counts.keys()].sort((a, b) => a - b);
  const first = yearsWithStudies[0];
  const last = yearsWithStudies[yearsWithStudies.length - 1];
  const years = first === undefined || last === undefined ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i);

  type YearRow = { year: number } & Record<ModalityCategory, number>;
  const rows: YearRow[] = years.map((year) => ({ year, ...(counts.get(year) ?? zeros()) }));
  const layers = stack<YearRow, ModalityCategory>().keys(present)(rows);
  const totals = rows.map((r) => present.reduce((sum, c) => sum + r[c], 0));

  // Few years would give very wide bars: cap the band at MAX_BAND and centre the bars in the plot.
  const span = Math.min(plot.right - plot.left, Math.max(1, years.length) * MAX_BAND);
  const start = plot.left + (plot.right - plot.left - span) / 2;
  const x = scaleBand<number>()
    .domain(years)
    .range([start, start + span])
    .paddingInner(years.length > 40 ? 0.1 : 0.2)
    .paddingOuter(0.1);
  const y = scaleLinear()
    .domain([0, Math.max(1, d3max(totals) ?? 0)])
    .range([plot.bottom, plot.top])
    .nice();
  const showLabels = x.bandwidth() >= 14;

  const bars: TimelineBar[] = rows.map((row, i) => {
    const segments: TimelineSegment[] = layers.flatMap((layer) => {
      const [y0, y1] = layer[i] ?? [0, 0];
      if (y1 - y0 === 0) return [];
      const swatch = modalitySwatches[layer.key];
      return [{ category: layer.key, count: y1 - y0, y: y(y1), height: y(y0) - y(y1), fill: swatch.fill, pattern: swatch.pattern }];
    });
    const total = totals[i] ?? 0;
    const parts = segments
      .map(
        (s) => `${formatCount(s.count)} ${s.category === 'several' ? 'using several modalities' : categoryLabel(s.category).toLowerCase()}`,
      )
      .join(', ');
    return {
      year: row.year,
      total,
      x: x(row.year) ?? 0,
      width: x.bandwidth(),
      y: y(total),
      segments,
      label: showLabels && total > 0 ? formatCount(total) : null,
      labelAt: { x: (x(row.year) ?? 0) + x.bandwidth() / 2, y: y(total) - 4 },
      ariaLabel: total === 0 ? `${row.year}: no studies` : `${row.year}: ${countNoun(total, 'study', 'studies')} (${parts})`,
    };
  });

  // Year labels at a round step that leaves about 48 units per label.
  const step = [1, 2, 5, 10, 20, 25, 50, 100].find((s) => years.length / s <= Math.max(1, (plot.right - plot.left) / 48)) ?? 100;
  const xTicks: AxisTick[] = years
    .filter((yr) => yr % step === 0)
    .map((yr) => {
      const position = (x(yr) ?? 0) + x.bandwidth() / 2;
      return { value: yr, position, label: String(yr), labelAt: { x: position, y: plot.bottom + 16 } };
    });
  const yTicks: AxisTick[] = y
    .ticks(5)
    .filter(Number.isInteger)
    .map((v) => ({ value: v, position: y(v), label: formatCount(v), labelAt: { x: plot.left - 6, y: y(v) + 4 } }));

  const total = studies.length;
  const peak = Math.max(0, ...bars.map((b) => b.total));
  const peakYears = bars.filter((b) => b.total === peak).map((b) => String(b.year));
  const listed = peakYears.length > 1 ? `${peakYears.slice(0, -1).join(', ')} and ${peakYears[peakYears.length - 1]}` : peakYears[0];
  const byCategory = present.map((c) => [c, rows.reduce((sum, r) => sum + r[c], 0)] as const).sort((a, b) => b[1] - a[1]);
  const description =
    total === 0
      ? 'A timeline of studies by publication year: no studies are recorded yet.'
      : [
          `A stacked bar chart of ${countNoun(total, 'study', 'studies')} by publication year, from ${first} to ${last}, with each bar divided by delivery modality.`,
          `The most studies in one year were ${formatCount(peak)}, in ${listed}.`,
          `By modality: ${byCategory.map(([c, n]) => `${categoryLabel(c).toLowerCase()} ${formatCount(n)}`).join(', ')}.`,
        ]
          .filter(Boolean)
          .join(' ');

  return {
    kind: 'timeline',
    title: 'Studies by publication year and modality',
    description,
    width,
    height,
    plot,
    bars,
    xAxis: { label: 'Publication year', titleAt: { x: (plot.left + plot.right) / 2, y: plot.bottom + 36 }, ticks: xTicks },
    yAxis: { label: 'Studies', titleAt: { x: 14, y: (plot.top + plot.bottom) / 2 }, ticks: yTicks },
    legend: present.map((c) => ({
      key: c,
      label: categoryLabel(c),
      fill: modalitySwatches[c].fill,
      pattern: modalitySwatches[c].pattern,
      patternPath: patternPaths[modalitySwatches[c].pattern],
    })),
    studies: total,
    colors: { ink: INK, mutedInk: MUTED_INK, rule: RULE, grid: GRID, segmentEdge: BACKGROUND },
    table: {
      columns: ['Year', ...present.map(categoryLabel), 'Total'],
      rows: rows.flatMap((r, i) => ((totals[i] ?? 0) > 0 ? [[r.year, ...present.map((c) => r[c]), totals[i] ?? 0]] : [])),
    },
  };
}
