// Effect values are finite and plausible, so the forest plot never draws NaN or prints Infinity.
import { describe, expect, test } from 'vitest';
import { studySchema } from '../../src/schemas';
import { effectSchema } from '../../src/schemas/effect';
import { explainIssue } from '../../src/lib/validation/zod-issues';
import { studyInput } from '../helpers/factories';

/** The field paths and messages of every issue of a study holding `effect`. */
function faults(effect: unknown): { path: string; message: string }[] {
  const input = { ...studyInput(), alliance: { ...studyInput().alliance, effects: [effect] } };
  const result = studySchema.safeParse(input);
  return result.success ? [] : result.error.issues.flatMap((i) => explainIssue(i, input, studySchema));
}

const smd = { kind: 'smd', label: 'WAI total', smd: 0.2, ci_low: -0.1, ci_high: 0.5 };
const arm = { mean: 4.2, sd: 0.8, n: 50 };
const means = { kind: 'group-means', label: 'WAI', etherapy: arm, comparison: arm };
const correlation = { kind: 'correlation', label: 'WAI and outcome', r: 0.3, n: 48 };

describe('effect values', () => {
  test.each([
    ['an SMD', smd],
    ['group means', means],
    ['a correlation', correlation],
  ])('accept %s with ordinary values', (_, effect) => {
    expect(effectSchema.safeParse(effect).success).toBe(true);
  });

  test.each([
    ['smd: .inf', { ...smd, smd: Infinity, ci_high: Infinity }, 'alliance.effects[0].smd', 'must be a finite number'],
    ['ci_low: -.inf', { ...smd, ci_low: -Infinity }, 'alliance.effects[0].ci_low', 'must be a finite number'],
    ['an SMD of 1e6', { ...smd, smd: 1e6, ci_high: 2e6 }, 'alliance.effects[0].smd', 'must be between -100 and 100'],
    ['smd: .nan', { ...smd, smd: NaN }, 'alliance.effects[0].smd', 'got NaN'],
    [
      'a mean of 1e308',
      { ...means, etherapy: { ...arm, mean: 1e308 } },
      'alliance.effects[0].etherapy.mean',
      'must be between -1,000,000 and 1,000,000',
    ],
    [
      'a mean of -.inf',
      { ...means, comparison: { ...arm, mean: -Infinity } },
      'alliance.effects[0].comparison.mean',
      'must be a finite number',
    ],
    ['an SD of .inf', { ...means, etherapy: { ...arm, sd: Infinity } }, 'alliance.effects[0].etherapy.sd', 'must be a finite number'],
    ['an arm n of 1e20', { ...means, etherapy: { ...arm, n: 1e20 } }, 'alliance.effects[0].etherapy.n', 'must be at most 10,000,000'],
    ['a correlation n of .inf', { ...correlation, n: Infinity }, 'alliance.effects[0].n', 'must be a finite whole number'],
    ['r: .inf', { ...correlation, r: Infinity }, 'alliance.effects[0].r', 'must be a finite number'],
  ])('refuse %s, naming the field', (_, effect, path, message) => {
    const found = faults(effect);
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toEqual({ path, segments: expect.any(Array), message: expect.stringContaining(message) });
  });
});
