// Effect sizes and their pooling: Fisher's z, Hedges' g, inverse-variance and DerSimonian–Laird meta-analysis.
// Formulas follow Borenstein, Hedges, Higgins & Rothstein (2009) Introduction to Meta-Analysis, chapters 4, 6, 11-12 and 16.
import type { Arm, Effect } from '../../schemas';

/** The 97.5th percentile of the standard normal distribution: a 95% interval is estimate ± Z95 × SE. */
export const Z95 = 1.959964;

/** At least this many studies must share a metric before it is pooled. */
export const MIN_STUDIES_TO_POOL = 3;

/** Why a metric shared by too few studies is shown study by study. */
export const NOT_POOLED_REASON = 'fewer than three studies share this metric: not pooled';

/** One effect on its analysis scale: `yi` the estimate, `vi` its sampling variance (SE²). */
export interface EffectEstimate {
  yi: number;
  vi: number;
}

/** Fisher's z of a correlation: atanh(r). Infinite at r = ±1. */
export function fisherZ(r: number): number {
  return Math.atanh(r);
}

/** Sampling variance of Fisher's z for a correlation from n participants: 1 / (n − 3). */
export function fisherZVariance(n: number): number {
  return 1 / (n - 3);
}

/** Back-transforms Fisher's z to a correlation: tanh(z). */
export function fisherZToR(z: number): number {
  return Math.tanh(z);
}

/** A correlation on the Fisher's z scale, ready for pooling. */
export function correlationEstimate(r: number, n: number): EffectEstimate {
  return { yi: fisherZ(r), vi: fisherZVariance(n) };
}

/** ln Γ(x) for x > 0, by the Lanczos approximation (g = 7, nine coefficients; relative error below 1e-14). */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  const z = x - 1;
  let sum = c[0]!;
  for (let i = 1; i < 9; i++) sum += c[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Hedges' exact small-sample correction J(df) = Γ(df/2) / (√(df/2) · Γ((df − 1)/2)) (Hedges 1981), as metafor's escalc computes it; df = n1 + n2 − 2. */
export function hedgesJ(df: number): number {
  return Math.exp(logGamma(df / 2) - 0.5 * Math.log(df / 2) - logGamma((df - 1) / 2));
}

/** The common approximation J ≈ 1 − 3 / (4·df − 1) (Borenstein et al. 2009, eq. 4.22), kept for comparison: it differs from the exact J by up to about 0.004 in g on small samples. */
export function hedgesJApproximate(df: number): number {
  return 1 - 3 / (4 * df - 1);
}

/** Summary statistics of one arm: the effect schema's arm (mean, sd, n). */
export type ArmSummary = Pick<Arm, 'mean' | 'sd' | 'n'>;

/** A standardized mean difference computed from group means. */
export interface HedgesG extends EffectEstimate {
  /** Cohen's d: mean difference over the pooled within-group SD. */
  d: number;
  /** The small-sample correction applied to d. */
  j: number;
}

/**
 * Hedges' g for `treatment` minus `comparison` (positive: higher in the treatment arm).
 * Variance: 1/n1 + 1/n2 + g² / (2(n1 + n2)), the large-sample variance of Hedges & Olkin (1985) that metafor's escalc uses.
 */
export function hedgesG(treatment: ArmSummary, comparison: ArmSummary): HedgesG {
  const df = treatment.n + comparison.n - 2;
  const pooledSd = Math.sqrt(((treatment.n - 1) * treatment.sd ** 2 + (comparison.n - 1) * comparison.sd ** 2) / df);
  const d = (treatment.mean - comparison.mean) / pooledSd;
  const j = hedgesJ(df);
  const yi = j * d;
  const vi = 1 / treatment.n + 1 / comparison.n + yi ** 2 / (2 * (treatment.n + comparison.n));
  return { yi, vi, d, j };
}

/** A standardized mean difference reported with its 95% CI: SE = (high − low) / (2 × 1.959964). */
export function smdFromCi(smd: number, ciLow: number, ciHigh: number): EffectEstimate {
  const se = (ciHigh - ciLow) / (2 * Z95);
  return { yi: smd, vi: se ** 2 };
}

/** A pooled estimate with its heterogeneity statistics, on the analysis scale. */
export interface PooledResult {
  /** Number of estimates pooled. */
  k: number;
  estimate: number;
  se: number;
  ciLow: number;
  ciHigh: number;
  /** Cochran's Q under fixed-effect weights. */
  q: number;
  /** Degrees of freedom of Q: k − 1. */
  df: number;
  /** Between-study variance (0 for the fixed-effect model). */
  tau2: number;
  /** I² in percent: max(0, (Q − df) / Q) × 100. */
  i2: number;
  /** Each estimate's share of the total weight, in percent, in input order. */
  weights: number[];
}

function weightedMean(estimates: readonly EffectEstimate[], w: readonly number[]): { mean: number; sumW: number } {
  let sumW = 0;
  let sumWY = 0;
  estimates.forEach((e, i) => {
    const wi = w[i] ?? 0;
    sumW += wi;
    sumWY += wi * e.yi;
  });
  return { mean: sumWY / sumW, sumW };
}

function assertPoolable(estimates: readonly EffectEstimate[]): void {
  if (estimates.length === 0) throw new RangeError('cannot pool an empty list of estimates');
  for (const e of estimates) {
    if (!Number.isFinite(e.yi) || !Number.isFinite(e.vi) || e.vi <= 0) {
      throw new RangeError(`cannot pool an estimate with yi = ${e.yi} and vi = ${e.vi}: both must be finite and vi greater than 0`);
    }
  }
}

function heterogeneity(estimates: readonly EffectEstimate[]): {
  w: number[];
  q: number;
  df: number;
  c: number;
  fixedMean: number;
  sumW: number;
} {
  const w = estimates.map((e) => 1 / e.vi);
  const { mean: fixedMean, sumW } = weightedMean(estimates, w);
  let q = 0;
  let sumW2 = 0;
  estimates.forEach((e, i) => {
    const wi = w[i] ?? 0;
    q += wi * (e.yi - fixedMean) ** 2;
    sumW2 += wi ** 2;
  });
  return { w, q, df: estimates.length - 1, c: sumW - sumW2 / sumW, fixedMean, sumW };
}

function i2Of(q: number, df: number): number {
  return q > 0 ? Math.max(0, (q - df) / q) * 100 : 0;
}

function result(estimate: number, sumW: number, w: readonly number[], q: number, df: number, tau2: number, k: number): PooledResult {
  const se = Math.sqrt(1 / sumW);
  return {
    k,
    estimate,
    se,
    ciLow: estimate - Z95 * se,
    ciHigh: estimate + Z95 * se,
    q,
    df,
    tau2,
    i2: i2Of(q, df),
    weights: w.map((wi) => (wi / sumW) * 100),
  };
}

/** Inverse-variance fixed-effect pooling (weights 1 / vi). */
export function fixedEffect(estimates: readonly EffectEstimate[]): PooledResult {
  assertPoolable(estimates);
  const h = heterogeneity(estimates);
  return result(h.fixedMean, h.sumW, h.w, h.q, h.df, 0, estimates.length);
}

/** DerSimonian–Laird random-effects pooling: tau² = max(0, (Q − df) / C), weights 1 / (vi + tau²). */
export function randomEffectsDL(estimates: readonly EffectEstimate[]): PooledResult {
  assertPoolable(estimates);
  const h = heterogeneity(estimates);
  const tau2 = h.c > 0 ? Math.max(0, (h.q - h.df) / h.c) : 0;
  const w = estimates.map((e) => 1 / (e.vi + tau2));
  const { mean, sumW } = weightedMean(estimates, w);
  return result(mean, sumW, w, h.q, h.df, tau2, estimates.length);
}

/** The two metrics effects are pooled in: correlations (on Fisher's z) and standardized mean differences. */
export type Metric = 'correlation' | 'smd';

/** One reported effect and the study it belongs to. */
export interface StudyEffect {
  studyId: string;
  effect: Effect;
}

/** One effect as shown: on its display scale (r or SMD), with a 95% CI, and its analysis-scale values. */
export interface EffectRow {
  studyId: string;
  label: string;
  /** The record's `kind`; group means become an SMD. */
  kind: Effect['kind'];
  metric: Metric;
  /** r for correlations, SMD for the rest; null when it cannot be estimated. */
  estimate: number | null;
  ciLow: number | null;
  ciHigh: number | null;
  /** Participants behind the effect, when the record gives them. */
  n: number | null;
  /** Analysis-scale estimate and variance; null when the effect cannot be pooled. */
  analysis: EffectEstimate | null;
  /** Whether this row is one of the pooled estimates. */
  inPool: boolean;
  /** Random-effects weight in percent when pooled, else null. */
  weight: number | null;
  /** Why the row is left out of the pooled estimate, when it is. */
  note: string | null;
}

/** The pooled estimate on the display scale. */
export interface PooledEstimate {
  k: number;
  estimate: number;
  ciLow: number;
  ciHigh: number;
  tau2: number;
  q: number;
  df: number;
  i2: number;
}

/** All effects of one metric, pooled when at least three studies share it. */
export type MetricSynthesis =
  | { metric: Metric; status: 'pooled'; method: string; studies: number; rows: EffectRow[]; pooled: PooledEstimate }
  | { metric: Metric; status: 'not-pooled'; reason: string; studies: number; rows: EffectRow[] };

/** The method named beside each pooled metric. */
export const POOLING_METHODS: Record<Metric, string> = {
  correlation: "DerSimonian–Laird random effects on Fisher's z, back-transformed to r; I² from Cochran's Q",
  smd: "DerSimonian–Laird random effects on standardized mean differences (Hedges' g from group means); I² from Cochran's Q",
};

/** The metric an effect is pooled in. */
export function metricOf(effect: Effect): Metric {
  return effect.kind === 'correlation' ? 'correlation' : 'smd';
}

/** Turns one reported effect into a display row (estimate with 95% CI) and its analysis-scale estimate. */
export function deriveEffectRow(studyId: string, effect: Effect): EffectRow {
  const base = { studyId, label: effect.label, kind: effect.kind, metric: metricOf(effect), inPool: false, weight: null };
  switch (effect.kind) {
    case 'correlation': {
      if (Math.abs(effect.r) >= 1) {
        return {
          ...base,
          estimate: effect.r,
          ciLow: effect.r,
          ciHigh: effect.r,
          n: effect.n,
          analysis: null,
          note: 'a correlation of ±1 has no finite Fisher z',
        };
      }
      const est = correlationEstimate(effect.r, effect.n);
      const half = Z95 * Math.sqrt(est.vi);
      return {
        ...base,
        estimate: effect.r,
        ciLow: fisherZToR(est.yi - half),
        ciHigh: fisherZToR(est.yi + half),
        n: effect.n,
        analysis: est,
        note: null,
      };
    }
    case 'smd': {
      const est = smdFromCi(effect.smd, effect.ci_low, effect.ci_high);
      const analysis = est.vi > 0 ? est : null;
      return {
        ...base,
        estimate: effect.smd,
        ciLow: effect.ci_low,
        ciHigh: effect.ci_high,
        n: null,
        analysis,
        note: analysis ? null : 'a confidence interval of zero width gives no weight',
      };
    }
    case 'group-means': {
      const n = effect.etherapy.n + effect.comparison.n;
      if (n - 2 < 2) {
        return {
          ...base,
          estimate: null,
          ciLow: null,
          ciHigh: null,
          n,
          analysis: null,
          note: 'too few participants (fewer than four) for a standardized mean difference',
        };
      }
      const g = hedgesG(effect.etherapy, effect.comparison);
      const half = Z95 * Math.sqrt(g.vi);
      return { ...base, estimate: g.yi, ciLow: g.yi - half, ciHigh: g.yi + half, n, analysis: { yi: g.yi, vi: g.vi }, note: null };
    }
  }
}

const ONE_PER_STUDY = 'a further effect from a study already in the pool (one effect per study is pooled: the first listed)';

function synthesise(metric: Metric, rows: EffectRow[]): MetricSynthesis {
  const studies = new Set(rows.map((r) => r.studyId)).size;
  // One estimate per study keeps the pooled estimates independent: the first usable effect each study lists.
  const seen = new Set<string>();
  const candidates: EffectRow[] = [];
  for (const row of rows) {
    if (!row.analysis) continue;
    if (seen.has(row.studyId)) continue;
    seen.add(row.studyId);
    candidates.push(row);
  }
  if (candidates.length < MIN_STUDIES_TO_POOL) {
    return { metric, status: 'not-pooled', reason: NOT_POOLED_REASON, studies, rows };
  }
  const estimates = candidates.map((r) => r.analysis as EffectEstimate);
  const pooled = randomEffectsDL(estimates);
  const weightOf = new Map(candidates.map((row, i) => [row, pooled.weights[i] ?? 0]));
  const outRows = rows.map((row): EffectRow => {
    const weight = weightOf.get(row);
    if (weight !== undefined) return { ...row, inPool: true, weight };
    return { ...row, note: row.note ?? ONE_PER_STUDY };
  });
  const back = metric === 'correlation' ? fisherZToR : (x: number) => x;
  return {
    metric,
    status: 'pooled',
    method: POOLING_METHODS[metric],
    studies,
    rows: outRows,
    pooled: {
      k: pooled.k,
      estimate: back(pooled.estimate),
      ciLow: back(pooled.ciLow),
      ciHigh: back(pooled.ciHigh),
      tau2: pooled.tau2,
      q: pooled.q,
      df: pooled.df,
      i2: pooled.i2,
    },
  };
}

/**
 * Groups study effects by metric (correlation; SMD, which includes group means) and pools a metric with
 * DerSimonian–Laird random effects only when at least three studies share it; otherwise returns the
 * individual estimates with the reason. Metrics with no effects are left out; correlations come first.
 */
export function poolEffects(effects: readonly StudyEffect[]): MetricSynthesis[] {
  const byMetric = new Map<Metric, EffectRow[]>([
    ['correlation', []],
    ['smd', []],
  ]);
  for (const { studyId, effect } of effects) {
    byMetric.get(metricOf(effect))?.push(deriveEffectRow(studyId, effect));
  }
  return [...byMetric].filter(([, rows]) => rows.length > 0).map(([metric, rows]) => synthesise(metric, rows));
}
