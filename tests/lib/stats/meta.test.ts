import { describe, expect, test } from 'vitest';
import {
  MIN_STUDIES_TO_POOL,
  NOT_POOLED_REASON,
  POOLING_METHODS,
  Z95,
  correlationEstimate,
  deriveEffectRow,
  fisherZ,
  fisherZToR,
  fisherZVariance,
  fixedEffect,
  hedgesG,
  hedgesJ,
  hedgesJApproximate,
  logGamma,
  poolEffects,
  randomEffectsDL,
  smdFromCi,
  type EffectEstimate,
  type StudyEffect,
} from '../../../src/lib/stats/meta';
import type { Effect } from '../../../src/schemas';

/** Rounds as published tables do, so a value is compared at exactly the precision its source prints. */
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

// --- Reference data ---------------------------------------------------------------------------------------------

// BCG vaccine trials (Colditz et al. 1994), as metafor's dat.bcg: tpos, tneg, cpos, cneg per trial.
// Counts as published in the JASP data library (jasp-stats/jasp-data-library, "BCG Vaccine.csv"), identical to dat.bcg.
const BCG: [string, number, number, number, number][] = [
  ['Aronson 1948', 4, 119, 11, 128],
  ['Ferguson & Simes 1949', 6, 300, 29, 274],
  ['Rosenthal 1960', 3, 228, 11, 209],
  ['Hart & Sutherland 1977', 62, 13536, 248, 12619],
  ['Frimodt-Moller 1973', 33, 5036, 47, 5761],
  ['Stein & Aronson 1953', 180, 1361, 372, 1079],
  ['Vandiviere 1973', 8, 2537, 10, 619],
  ['TPT Madras 1980', 505, 87886, 499, 87892],
  ['Coetzee & Berjak 1968', 29, 7470, 45, 7232],
  ['Rosenthal 1961', 17, 1699, 65, 1600],
  ['Comstock 1974', 186, 50448, 141, 27197],
  ['Comstock & Webster 1969', 5, 2493, 3, 2338],
  ['Comstock 1976', 27, 16886, 29, 17825],
];

/** Log risk ratio and its variance, as metafor's escalc(measure = "RR") computes them (test-side only). */
function logRiskRatio(a: number, b: number, c: number, d: number): EffectEstimate {
  return { yi: Math.log(a / (a + b) / (c / (c + d))), vi: 1 / a - 1 / (a + b) + 1 / c - 1 / (c + d) };
}
const bcg = BCG.map(([, a, b, c, d]) => logRiskRatio(a, b, c, d));

// Conscientiousness and medication adherence (Molloy et al. 2014), metafor's dat.molloy2014: [n, r, z, var(z)].
// z and var(z) as printed by escalc(measure = "ZCOR") in metafor's reference page docs/reference/dat.molloy2014.html.
const MOLLOY: [number, number, number, number][] = [
  [109, 0.187, 0.1892, 0.0094],
  [749, 0.162, 0.1634, 0.0013],
  [55, 0.34, 0.3541, 0.0192],
  [107, 0.32, 0.3316, 0.0096],
  [72, 0.27, 0.2769, 0.0145],
  [65, 0.0, 0.0, 0.0161],
  [174, 0.175, 0.1768, 0.0058],
  [326, 0.05, 0.05, 0.0031],
  [58, 0.26, 0.2661, 0.0182],
  [771, 0.01, 0.01, 0.0013],
  [56, -0.09, -0.0902, 0.0189],
  [91, 0.37, 0.3884, 0.0114],
  [116, 0.0, 0.0, 0.0088],
  [537, 0.15, 0.1511, 0.0019],
  [158, 0.24, 0.2448, 0.0065],
  [65, 0.04, 0.04, 0.0161],
];

// Stroke-unit trials (Normand 1999), metafor's dat.normand1999: n1, m1, sd1, n2, m2, sd2 -> Hedges' g and its variance
// as printed by escalc(measure = "SMD") (metafor tests/testthat/test_misc_escalc.r; full table in
// C. J. van Lissa, "Doing Meta-Analysis in R", section 4.1), rounded here to four decimals.
const NORMAND: [string, number, number, number, number, number, number, number, number][] = [
  ['Edinburgh', 155, 55, 47, 156, 75, 64, -0.3552, 0.0131],
  ['Orpington-Mild', 31, 27, 7, 32, 29, 4, -0.3479, 0.0645],
  ['Orpington-Moderate', 75, 64, 17, 71, 119, 29, -2.3176, 0.0458],
  ['Orpington-Severe', 18, 66, 20, 18, 137, 48, -1.888, 0.1606],
  ['Montreal-Home', 8, 14, 8, 13, 18, 11, -0.384, 0.2054],
  ['Montreal-Transfer', 57, 19, 7, 52, 18, 4, 0.1721, 0.0369],
  ['Newcastle', 34, 52, 45, 33, 41, 34, 0.2721, 0.0603],
  ['Umea', 110, 21, 16, 183, 31, 27, -0.4246, 0.0149],
  ['Uppsala', 60, 30, 27, 52, 23, 20, 0.2896, 0.0363],
];

// Hedges' g with the exact correction, computed with metafor 3.8-1 (Debian r-cran-metafor) by
//   escalc(measure = "SMD", m1i, sd1i, n1i, m2i, sd2i, n2i, data = dat.normand1999)
// and, for very small samples where the exact and approximate corrections differ most, the same call on
//   data.frame(n1 = c(3, 4, 5, 8), m1 = c(10, 12, 20, 5.5), sd1 = c(2, 3, 4, 1.2), n2 = c(3, 5, 4, 9), m2 = c(8, 9, 23, 4.8), sd2 = c(2.5, 2, 5, 1.1)),
// printed with sprintf("%.15f").
const METAFOR_SMD: [string, number, number, number, number, number, number, number, number][] = [
  ['Edinburgh', 155, 55, 47, 156, 75, 64, -0.355169640940107, 0.01306467554153],
  ['Orpington-Mild', 31, 27, 7, 32, 29, 4, -0.347940022739099, 0.064468876098857],
  ['Orpington-Moderate', 75, 64, 17, 71, 119, 29, -2.31756916016373, 0.045812110280183],
  ['Orpington-Severe', 18, 66, 20, 18, 137, 48, -1.887982252936847, 0.160617735936173],
  ['Montreal-Home', 8, 14, 8, 13, 18, 11, -0.383964141169701, 0.205433278392224],
  ['Montreal-Transfer', 57, 19, 7, 52, 18, 4, 0.172148669069591, 0.036910570000362],
  ['Newcastle', 34, 52, 45, 33, 41, 34, 0.272052073852932, 0.060267125836433],
  ['Umea', 110, 21, 16, 183, 31, 27, -0.424596271894261, 0.014863038419333],
  ['Uppsala', 60, 30, 27, 52, 23, 20, 0.289556230080755, 0.036271734158055],
  ['3 v 3', 3, 10, 2, 3, 8, 2.5, 0.704892877448153, 0.708072830723095],
  ['4 v 5', 4, 12, 3, 5, 9, 2, 1.075098454415188, 0.514213149260329],
  ['5 v 4', 5, 20, 4, 4, 23, 5, -0.597964036883856, 0.469864499411469],
  ['8 v 9', 8, 5.5, 1.2, 9, 4.8, 1.1, 0.578788487293308, 0.245963937964737],
];

// --- Effect sizes -----------------------------------------------------------------------------------------------

describe('Fisher z for correlations', () => {
  test.each(MOLLOY)('r = %s from n = %s gives z and var(z) as metafor prints them for dat.molloy2014', (n, r, z, v) => {
    const est = correlationEstimate(r, n);
    expect(round(est.yi, 4)).toBe(z);
    expect(round(est.vi, 4)).toBe(v);
  });

  test('back-transforms z to the correlation it came from', () => {
    for (const r of [-0.9, -0.3, 0, 0.25, 0.62]) expect(fisherZToR(fisherZ(r))).toBeCloseTo(r, 12);
  });

  test('gives a variance of 1 / (n - 3)', () => {
    expect(fisherZVariance(103)).toBe(0.01);
  });
});

describe("Hedges' g from group means", () => {
  // Approximate correction factors for df = 5, 10, 17 as listed in the reproducer package's documentation of
  // calculateSmallSampleSizeAdjustment(df, exact = FALSE) (Kitchenham & Madeyski): 0.8421053 0.9230769 0.9552239.
  test.each([
    [5, 0.8421053],
    [10, 0.9230769],
    [17, 0.9552239],
  ])('the approximate correction J(%i) = %f (reproducer::calculateSmallSampleSizeAdjustment, approximate)', (df, j) => {
    expect(round(hedgesJApproximate(df), 7)).toBe(j);
  });

  test.each(METAFOR_SMD)(
    "%s: g and its variance agree with metafor 3.8-1 escalc(measure = 'SMD') to 1e-6",
    (_name, n1, m1, sd1, n2, m2, sd2, g, v) => {
      const est = hedgesG({ mean: m1, sd: sd1, n: n1 }, { mean: m2, sd: sd2, n: n2 });
      expect(Math.abs(est.yi - g)).toBeLessThan(1e-6);
      expect(Math.abs(est.vi - v)).toBeLessThan(1e-6);
    },
  );

  test('the exact correction matches the gamma-function form at known values: J(2) = 1/√π, J(10) = 0.922745608053 (R: gamma(5) / (sqrt(5) * gamma(4.5)), and metafor:::.cmicalc(10))', () => {
    // J(2) = Γ(1) / (1 · Γ(1/2)) = 1/√π.
    expect(hedgesJ(2)).toBeCloseTo(1 / Math.sqrt(Math.PI), 12);
    expect(hedgesJ(10)).toBeCloseTo(0.922745608053, 11);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
  });

  test.each(NORMAND)('matches metafor escalc("SMD") for dat.normand1999 %s', (_name, n1, m1, sd1, n2, m2, sd2, g, v) => {
    const est = hedgesG({ mean: m1, sd: sd1, n: n1 }, { mean: m2, sd: sd2, n: n2 });
    expect(round(est.yi, 4)).toBe(g);
    expect(round(est.vi, 4)).toBe(v);
  });

  test('is positive when the first (e-therapy) arm has the higher mean', () => {
    const est = hedgesG({ mean: 6, sd: 1, n: 20 }, { mean: 5, sd: 1, n: 20 });
    expect(est.d).toBe(1);
    expect(est.yi).toBeGreaterThan(0);
    expect(est.yi).toBeLessThan(est.d);
  });
});

describe('standardized mean difference given with a 95% CI', () => {
  test('derives the standard error as the interval width over 2 × 1.959964', () => {
    const est = smdFromCi(0.3, 0.3 - 2 * Z95 * 0.1, 0.3 + 2 * Z95 * 0.1);
    expect(est.yi).toBe(0.3);
    expect(Math.sqrt(est.vi)).toBeCloseTo(0.2, 12);
  });
});

// --- Pooling ----------------------------------------------------------------------------------------------------

describe('pooling against published results for the BCG trials (log risk ratios)', () => {
  test('computes the log risk ratio of the first trial as metafor does (test_misc_escalc.r: -0.8893, 0.3256)', () => {
    const first = bcg[0]!;
    expect(round(first.yi, 4)).toBe(-0.8893);
    expect(round(first.vi, 4)).toBe(0.3256);
  });

  // metafor tests/testthat/test_misc_metan_vs_rma.uni_with_dat.bcg.r: rma(method = "FE") checked against Stata metan.
  test('matches the inverse-variance fixed effect of metafor and Stata metan: -0.4303 [-0.5097, -0.3509], Q = 152.2330', () => {
    const fe = fixedEffect(bcg);
    expect(round(fe.estimate, 4)).toBe(-0.4303);
    expect(round(fe.ciLow, 4)).toBe(-0.5097);
    expect(round(fe.ciHigh, 4)).toBe(-0.3509);
    expect(round(fe.q, 4)).toBe(152.233);
    expect(fe.df).toBe(12);
    expect(fe.tau2).toBe(0);
  });

  // Same metafor test file: rma(method = "DL") checked against Stata metan, randomi.
  test('matches DerSimonian–Laird of metafor and Stata metan: -0.7141 [-1.0644, -0.3638], tau² = 0.3088, I² = 92.1173%', () => {
    const re = randomEffectsDL(bcg);
    expect(round(re.estimate, 4)).toBe(-0.7141);
    expect(round(re.ciLow, 4)).toBe(-1.0644);
    expect(round(re.ciHigh, 4)).toBe(-0.3638);
    expect(round(re.estimate / re.se, 4)).toBe(-3.9952);
    expect(round(re.tau2, 4)).toBe(0.3088);
    expect(round(re.i2, 4)).toBe(92.1173);
  });

  test('gives weights in percent that sum to 100', () => {
    const sum = randomEffectsDL(bcg).weights.reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(100, 10);
  });
});

describe('pooling correlations from dat.molloy2014', () => {
  const z = MOLLOY.map(([n, r]) => correlationEstimate(r, n));

  // Q does not depend on the tau² estimator: metafor's reference page (REML model) prints Q(df = 15) = 38.1595.
  test("gives Cochran's Q(df = 15) = 38.1595 as metafor prints it", () => {
    const re = randomEffectsDL(z);
    expect(re.df).toBe(15);
    expect(round(re.q, 4)).toBe(38.1595);
  });
});

describe('edge cases of pooling', () => {
  test('sets tau² to 0 and I² to 0 when the studies agree more than chance predicts', () => {
    const re = randomEffectsDL([
      { yi: 0.2, vi: 0.01 },
      { yi: 0.2, vi: 0.02 },
      { yi: 0.2, vi: 0.04 },
    ]);
    expect(re.tau2).toBe(0);
    expect(re.i2).toBe(0);
    expect(re.estimate).toBeCloseTo(0.2, 12);
  });

  test('equals the fixed effect when tau² is 0', () => {
    const est = [
      { yi: 0.1, vi: 0.05 },
      { yi: 0.15, vi: 0.04 },
      { yi: 0.12, vi: 0.06 },
    ];
    expect(randomEffectsDL(est).estimate).toBeCloseTo(fixedEffect(est).estimate, 12);
  });

  test.each([
    ['an empty list', []],
    ['a zero variance', [{ yi: 0.1, vi: 0 }]],
    ['an infinite estimate', [{ yi: Number.POSITIVE_INFINITY, vi: 0.1 }]],
  ])('rejects %s', (_name, est) => {
    expect(() => randomEffectsDL(est)).toThrow(RangeError);
  });
});

// --- poolEffects ------------------------------------------------------------------------------------------------

const corr = (r: number, n: number, label = 'WAI vs outcome'): Effect => ({ kind: 'correlation', label, r, n });
const smd = (value: number, lo: number, hi: number): Effect => ({
  kind: 'smd',
  label: 'WAI e-therapy vs face-to-face',
  smd: value,
  ci_low: lo,
  ci_high: hi,
});
const means = (m1: number, m2: number): Effect => ({
  kind: 'group-means',
  label: 'WAI at session 3',
  etherapy: { mean: m1, sd: 10, n: 30 },
  comparison: { mean: m2, sd: 10, n: 30 },
});

describe('poolEffects', () => {
  test('pools a metric that three studies share, naming the method', () => {
    const effects: StudyEffect[] = MOLLOY.slice(0, 3).map(([n, r], i) => ({ studyId: `study-${i}`, effect: corr(r, n) }));
    const [syn] = poolEffects(effects);
    expect(syn?.status).toBe('pooled');
    if (syn?.status !== 'pooled') return;
    expect(syn.metric).toBe('correlation');
    expect(syn.method).toBe(POOLING_METHODS.correlation);
    expect(syn.method).toMatch(/DerSimonian–Laird random effects on Fisher's z/);
    expect(syn.pooled.k).toBe(3);
    const direct = randomEffectsDL(MOLLOY.slice(0, 3).map(([n, r]) => correlationEstimate(r, n)));
    expect(syn.pooled.estimate).toBeCloseTo(Math.tanh(direct.estimate), 12);
    expect(syn.pooled.ciLow).toBeCloseTo(Math.tanh(direct.ciLow), 12);
    expect(syn.rows.every((r) => r.inPool && r.weight !== null)).toBe(true);
  });

  test('returns the individual estimates with the reason when fewer than three studies share a metric', () => {
    const [syn] = poolEffects([
      { studyId: 'a-2010', effect: corr(0.3, 50) },
      { studyId: 'b-2011', effect: corr(0.2, 80) },
    ]);
    expect(syn).toMatchObject({ metric: 'correlation', status: 'not-pooled', reason: NOT_POOLED_REASON, studies: 2 });
    expect(NOT_POOLED_REASON).toBe('fewer than three studies share this metric: not pooled');
    expect(syn?.rows.map((r) => r.estimate)).toEqual([0.3, 0.2]);
  });

  test('counts studies, not effects: three effects from two studies are not pooled', () => {
    const [syn] = poolEffects([
      { studyId: 'a-2010', effect: corr(0.3, 50) },
      { studyId: 'a-2010', effect: corr(0.35, 50, 'ARM vs outcome') },
      { studyId: 'b-2011', effect: corr(0.2, 80) },
    ]);
    expect(syn?.status).toBe('not-pooled');
    expect(syn?.studies).toBe(2);
    expect(MIN_STUDIES_TO_POOL).toBe(3);
  });

  test('pools group means together with reported SMDs, as standardized mean differences', () => {
    const syntheses = poolEffects([
      { studyId: 'a-2010', effect: means(55, 50) },
      { studyId: 'b-2011', effect: smd(0.1, -0.3, 0.5) },
      { studyId: 'c-2012', effect: means(48, 50) },
      { studyId: 'd-2013', effect: corr(0.4, 40) },
    ]);
    expect(syntheses.map((s) => [s.metric, s.status])).toEqual([
      ['correlation', 'not-pooled'],
      ['smd', 'pooled'],
    ]);
    const smdSyn = syntheses[1];
    expect(smdSyn?.rows.map((r) => r.kind)).toEqual(['group-means', 'smd', 'group-means']);
    expect(smdSyn?.status === 'pooled' && smdSyn.method).toBe(POOLING_METHODS.smd);
  });

  test('pools one effect per study (the first listed) and notes the rest', () => {
    const [syn] = poolEffects([
      { studyId: 'a-2010', effect: corr(0.3, 50) },
      { studyId: 'a-2010', effect: corr(0.5, 50, 'ARM vs outcome') },
      { studyId: 'b-2011', effect: corr(0.2, 80) },
      { studyId: 'c-2012', effect: corr(0.1, 60) },
    ]);
    expect(syn?.status).toBe('pooled');
    expect(syn?.rows.map((r) => r.inPool)).toEqual([true, false, true, true]);
    expect(syn?.rows[1]?.note).toMatch(/one effect per study/);
    if (syn?.status === 'pooled') expect(syn.pooled.k).toBe(3);
  });

  test('returns an empty list when no study reports an effect', () => {
    expect(poolEffects([])).toEqual([]);
  });
});

describe('deriveEffectRow', () => {
  test('gives a correlation an asymmetric 95% CI on the r scale', () => {
    const row = deriveEffectRow('a-2010', corr(0.5, 28));
    const half = Z95 / 5;
    expect(row.ciLow).toBeCloseTo(Math.tanh(Math.atanh(0.5) - half), 12);
    expect(row.ciHigh).toBeCloseTo(Math.tanh(Math.atanh(0.5) + half), 12);
    expect(0.5 - (row.ciLow ?? 0)).toBeGreaterThan((row.ciHigh ?? 0) - 0.5);
  });

  test('keeps the reported interval of an SMD', () => {
    const row = deriveEffectRow('a-2010', smd(0.2, -0.1, 0.5));
    expect([row.estimate, row.ciLow, row.ciHigh]).toEqual([0.2, -0.1, 0.5]);
  });

  test.each([
    ['a correlation of 1', corr(1, 20), /no finite Fisher z/],
    ['an SMD with a zero-width interval', smd(0.2, 0.2, 0.2), /zero width/],
    [
      'group means from three participants',
      { kind: 'group-means', label: 'x', etherapy: { mean: 1, sd: 1, n: 2 }, comparison: { mean: 1, sd: 1, n: 1 } } satisfies Effect,
      /too few participants/,
    ],
  ])('leaves %s out of pooling with a note', (_name, effect, note) => {
    const row = deriveEffectRow('a-2010', effect);
    expect(row.analysis).toBeNull();
    expect(row.note).toMatch(note);
  });
});
