// Forest plot: one row per numeric alliance effect with its 95% CI, one panel per metric (r and SMD do not share
// an axis), and a pooled diamond only where stats/meta.ts pooled the metric (at least three studies).
import { extent } from 'd3-array';
import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { Study } from '../../schemas';
import { poolEffects, type EffectRow, type Metric, type MetricSynthesis, type StudyEffect } from '../stats/meta';
import { countNoun, formatCount, formatTwoDecimals, plural } from '../format';
import { ESTIMATE_FILL, INK, MUTED_INK, RULE } from './palette';
import { roundTo, type AxisTick, type ChartText } from './spec';

/** The fields of a study the forest plot reads. */
export type ForestStudy = Pick<Study, 'id'> & { alliance: Pick<Study['alliance'], 'effects'> };

/** One effect's row. */
export interface ForestRow {
  studyId: string;
  /** Row label: study id and what was measured. */
  label: string;
  y: number;
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** The CI line, clipped to the axis; null when the effect cannot be estimated. */
  ci: { x1: number; x2: number; clippedLow: boolean; clippedHigh: boolean } | null;
  /** The square at the estimate, centred on (x, y) with its top-left corner at (left, top); its side grows with the weight. */
  square: { x: number; y: number; size: number; left: number; top: number } | null;
  /** Printed at the right, e.g. "0.30 [0.12, 0.46]". */
  text: string;
  /** Baseline of the row's label and text. */
  textY: number;
  /** Random-effects weight in percent, when pooled. */
  weight: number | null;
  inPool: boolean;
  note: string | null;
}

/** The pooled estimate drawn as a diamond. */
export interface ForestDiamond {
  /** Closed d3-shape path: left tip, top, right tip, bottom. */
  path: string;
  y: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  label: string;
  text: string;
  /** Baseline of the diamond's label and text. */
  textY: number;
}

/** All effects of one metric on one axis. */
export interface ForestPanel {
  metric: Metric;
  heading: string;
  /** Baseline of the heading. */
  headingY: number;
  top: number;
  height: number;
  rows: ForestRow[];
  /** Present only when the metric was pooled. */
  diamond: ForestDiamond | null;
  /** Vertical line of no effect at 0. */
  nullLine: { x: number; y1: number; y2: number };
  /** The axis line at `y`, its ticks, and its title's baseline. */
  axis: { y: number; label: string; titleY: number; ticks: AxisTick[] };
  /** The pooling method, or why the metric was not pooled. */
  note: string;
}

export type ForestSpec = ChartText & { kind: 'forest'; width: number } & (
    | { status: 'empty'; height: 0; message: string; panels: [] }
    | { status: 'ready'; height: number; plot: ForestPlotArea; panels: ForestPanel[]; colors: ForestColors }
  );

/** The plotting area between `left` and `right`; row labels end at `labelX`, row texts start at `textX`, axis titles centre on `centerX`. */
export interface ForestPlotArea {
  left: number;
  right: number;
  labelX: number;
  textX: number;
  centerX: number;
}

/** Colours of text, of the axis and line of no effect, of the axis text, and of the estimate squares. */
export interface ForestColors {
  ink: string;
  rule: string;
  mutedInk: string;
  estimate: string;
}

export interface ForestOptions {
  width?: number;
}

/** What the forest plot shows when no study reports a numeric alliance effect. */
export const FOREST_EMPTY_MESSAGE = 'No study reports a numeric alliance effect yet, so there is no forest plot to draw.';

const HEADINGS: Record<Metric, string> = {
  correlation: 'Correlations with the alliance (r)',
  smd: 'Standardized mean difference in alliance (e-therapy minus comparison)',
};
const SHORT: Record<Metric, string> = { correlation: 'r', smd: 'SMD' };
const ROW = 24;
const HEADING = 28;
const AXIS = 40;
const GAP = 24;
const LABEL_WIDTH = 230;
const TEXT_WIDTH = 140;
const MIN_SQUARE = 4;
const MAX_SQUARE = 14;
/** Gap between the plot and the row labels (left) and texts (right). */
const TEXT_GAP = 8;
/** Text baselines sit this far below a row's centre line, so the text looks centred on it. */
const TEXT_DROP = 4;
/** Baselines below the panel top (heading) and below the axis line (tick labels, axis title). */
const HEADING_BASELINE = 16;
const TICK_LABEL_BASELINE = 14;
const AXIS_TITLE_BASELINE = 30;

function interval(estimate: number, lo: number, hi: number): string {
  return `${formatTwoDecimals(estimate)} [${formatTwoDecimals(lo)}, ${formatTwoDecimals(hi)}]`;
}

function domainOf(syn: MetricSynthesis): [number, number] {
  const values = syn.rows.flatMap((r) => [r.ciLow, r.ciHigh, r.estimate]).filter((v): v is number => v !== null && Number.isFinite(v));
  if (syn.status === 'pooled') values.push(syn.pooled.ciLow, syn.pooled.ciHigh);
  const [lo = 0, hi = 0] = extent([...values, 0]);
  const pad = (hi - lo || 1) * 0.05;
  const domain: [number, number] = [lo - pad, hi + pad];
  return syn.metric === 'correlation' ? [Math.max(-1, domain[0]), Math.min(1, domain[1])] : domain;
}

/** Relative precision used for square size when a metric is not pooled: inverse variance. */
function sizeWeights(rows: readonly EffectRow[]): number[] {
  return rows.map((r) => r.weight ?? (r.analysis ? 1 / r.analysis.vi : 0));
}

function buildPanel(syn: MetricSynthesis, top: number, plot: ForestPlotArea): ForestPanel {
  const x = scaleLinear().domain(domainOf(syn)).range([plot.left, plot.right]).nice();
  const [dLo, dHi] = x.domain() as [number, number];
  const firstRow = top + HEADING + ROW / 2;
  const weights = sizeWeights(syn.rows);
  const maxWeight = Math.max(0, ...weights);

  const rows = syn.rows.map((r, i): ForestRow => {
    const y = firstRow + i * ROW;
    const w = weights[i] ?? 0;
    const est = r.estimate;
    const drawable = est !== null && r.ciLow !== null && r.ciHigh !== null;
    const size = maxWeight > 0 ? MIN_SQUARE + (MAX_SQUARE - MIN_SQUARE) * Math.sqrt(w / maxWeight) : MIN_SQUARE;
    return {
      studyId: r.studyId,
      label: `${r.studyId}: ${r.label}`,
      y,
      estimate: r.estimate,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      ci: drawable
        ? {
            x1: x(Math.max(dLo, r.ciLow ?? dLo)),
            x2: x(Math.min(dHi, r.ciHigh ?? dHi)),
            clippedLow: (r.ciLow ?? 0) < dLo,
            clippedHigh: (r.ciHigh ?? 0) > dHi,
          }
        : null,
      square: est !== null ? { x: x(est), y, size, left: x(est) - size / 2, top: y - size / 2 } : null,
      text: drawable ? interval(est, r.ciLow ?? 0, r.ciHigh ?? 0) : 'not estimable',
      textY: y + TEXT_DROP,
      weight: r.weight,
      inPool: r.inPool,
      note: r.note,
    };
  });

  let bottom = firstRow + syn.rows.length * ROW - ROW / 2;
  let diamond: ForestDiamond | null = null;
  if (syn.status === 'pooled') {
    const y = bottom + ROW / 2 + 4;
    const p = syn.pooled;
    const path = line()([
      [x(p.ciLow), y],
      [x(p.estimate), y - 7],
      [x(p.ciHigh), y],
      [x(p.estimate), y + 7],
    ]);
    diamond = {
      path: `${path ?? ''}Z`,
      y,
      estimate: p.estimate,
      ciLow: p.ciLow,
      ciHigh: p.ciHigh,
      label: `Pooled (${countNoun(p.k, 'study', 'studies')}), I² = ${Math.round(p.i2)}%`,
      text: interval(p.estimate, p.ciLow, p.ciHigh),
      textY: y + TEXT_DROP,
    };
    bottom = y + ROW / 2;
  }

  const axisY = bottom + 6;
  return {
    metric: syn.metric,
    heading: HEADINGS[syn.metric],
    headingY: top + HEADING_BASELINE,
    top,
    height: axisY + AXIS - top,
    rows,
    diamond,
    nullLine: { x: x(0), y1: top + HEADING, y2: axisY },
    axis: {
      y: axisY,
      label: syn.metric === 'correlation' ? 'Correlation r (0: no association)' : 'SMD (positive: alliance higher in e-therapy)',
      titleY: axisY + AXIS_TITLE_BASELINE,
      ticks: x
        .ticks(6)
        .map((v) => ({ value: v, position: x(v), label: formatTwoDecimals(v), labelAt: { x: x(v), y: axisY + TICK_LABEL_BASELINE } })),
    },
    note: syn.status === 'pooled' ? syn.method : `${countNoun(syn.studies, 'study', 'studies')}: ${syn.reason}`,
  };
}

function describeSynthesis(syn: MetricSynthesis): string {
  const what = `${syn.metric === 'correlation' ? 'Correlations (r)' : 'Standardized mean differences'}: ${countNoun(syn.rows.length, 'effect')} from ${countNoun(syn.studies, 'study', 'studies')}`;
  if (syn.status === 'not-pooled') return `${what}; ${syn.reason}.`;
  const p = syn.pooled;
  return `${what}, pooled with ${syn.method}: ${SHORT[syn.metric]} = ${formatTwoDecimals(p.estimate)} (95% CI ${formatTwoDecimals(p.ciLow)} to ${formatTwoDecimals(p.ciHigh)}), I² = ${Math.round(p.i2)}%.`;
}

/** Builds the forest plot of every numeric alliance effect, pooled per metric where at least three studies share it. */
export function buildForest(studies: readonly ForestStudy[], options: ForestOptions = {}): ForestSpec {
  const width = options.width ?? 720;
  const title = 'Numeric alliance effects reported by the studies';
  const effects: StudyEffect[] = studies.flatMap((s) => (s.alliance.effects ?? []).map((effect) => ({ studyId: s.id, effect })));
  const syntheses = poolEffects(effects);
  const table = {
    columns: ['Study', 'Effect', 'Metric', 'Estimate', '95% CI low', '95% CI high', 'Weight (%)', 'In pooled estimate'],
    rows: syntheses.flatMap((syn) => [
      ...syn.rows.map((r) => [
        r.studyId,
        r.label,
        SHORT[syn.metric],
        r.estimate === null ? '' : roundTo(r.estimate, 3),
        r.ciLow === null ? '' : roundTo(r.ciLow, 3),
        r.ciHigh === null ? '' : roundTo(r.ciHigh, 3),
        r.weight === null ? '' : roundTo(r.weight, 1),
        r.inPool ? 'yes' : 'no',
      ]),
      ...(syn.status === 'pooled'
        ? [
            [
              `Pooled (${countNoun(syn.pooled.k, 'study', 'studies')})`,
              syn.method,
              SHORT[syn.metric],
              roundTo(syn.pooled.estimate, 3),
              roundTo(syn.pooled.ciLow, 3),
              roundTo(syn.pooled.ciHigh, 3),
              100,
              '',
            ],
          ]
        : []),
    ]),
  };

  if (effects.length === 0) {
    return {
      kind: 'forest',
      status: 'empty',
      title,
      description: FOREST_EMPTY_MESSAGE,
      message: FOREST_EMPTY_MESSAGE,
      width,
      height: 0,
      panels: [],
      table,
    };
  }

  const left = LABEL_WIDTH;
  const right = width - TEXT_WIDTH;
  const plot: ForestPlotArea = { left, right, labelX: left - TEXT_GAP, textX: right + TEXT_GAP, centerX: (left + right) / 2 };
  const panels: ForestPanel[] = [];
  let top = 0;
  for (const syn of syntheses) {
    const panel = buildPanel(syn, top, plot);
    panels.push(panel);
    top += panel.height + GAP;
  }
  const studiesWithEffects = new Set(effects.map((e) => e.studyId)).size;
  const description = [
    `A forest plot of ${formatCount(effects.length)} numeric alliance ${plural(effects.length, 'effect')} from ${countNoun(studiesWithEffects, 'study', 'studies')}, each a square at its estimate with a line for its 95% confidence interval and a vertical line at zero for no effect.`,
    ...syntheses.map(describeSynthesis),
  ].join(' ');

  return {
    kind: 'forest',
    status: 'ready',
    title,
    description,
    width,
    height: top - GAP,
    plot,
    panels,
    table,
    colors: { ink: INK, rule: RULE, mutedInk: MUTED_INK, estimate: ESTIMATE_FILL },
  };
}
