import { describe, expect, test } from 'vitest';
import {
  INK,
  MUTED_INK,
  contrastRatio,
  countRamp,
  modalitySwatches,
  readableInk,
  relativeLuminance,
} from '../../../src/lib/charts/palette';

describe('chart palette', () => {
  // WCAG 2.x definitions: black on white is 21:1; #767676 is the lightest grey that reaches 4.5:1 on white.
  test('computes WCAG contrast ratios (black on white 21:1, #767676 on white 4.54:1)', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 9);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(relativeLuminance('#ffffff')).toBe(1);
  });

  test.each(Object.entries(modalitySwatches))('gives %s text at least 4.5:1 on white', (_name, swatch) => {
    expect(contrastRatio(swatch.text, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  test('gives body and secondary text at least 4.5:1 on white', () => {
    expect(contrastRatio(INK, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(MUTED_INK, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  test('gives every category its own pattern, so colour is never the only cue', () => {
    const patterns = Object.values(modalitySwatches).map((s) => s.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
  });

  test.each(countRamp.map((fill) => [fill]))('finds text with at least 4.5:1 contrast on ramp step %s', (fill) => {
    expect(contrastRatio(readableInk(fill), fill)).toBeGreaterThanOrEqual(4.5);
  });

  test('rejects a colour that is not #rrggbb', () => {
    expect(() => relativeLuminance('red')).toThrow(RangeError);
  });
});
