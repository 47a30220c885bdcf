// Colours for charts: the Okabe–Ito colour-blind-safe palette for marks, with a text colour and a fill pattern
// for each, so no chart relies on colour alone. Every text colour reaches 4.5:1 contrast on white (WCAG AA).
import type { Modality } from '../../schemas';

/** Body text on white (17.4:1). */
export const INK = '#1a1a1a';
/** Secondary text on white (7.0:1). */
export const MUTED_INK = '#595959';
/** Gridlines and the line of no effect (not text). */
export const RULE = '#8c8c8c';
/** Chart background. */
export const BACKGROUND = '#ffffff';

/** Fill patterns a renderer can define as SVG <pattern>s, a second channel beside colour. */
export type PatternName = 'solid' | 'diagonal' | 'dots' | 'crosshatch' | 'horizontal' | 'vertical' | 'zigzag';

/** One category's colours: `fill` for marks, `text` for coloured text (≥ 4.5:1 on white), and a pattern. */
export interface Swatch {
  fill: string;
  text: string;
  pattern: PatternName;
}

/** Delivery categories drawn in charts: the six modalities, plus studies that used several. */
export type ModalityCategory = Modality | 'several';

/** Okabe & Ito (2008) colours, one per modality category, with darkened text variants. */
export const modalitySwatches: Record<ModalityCategory, Swatch> = {
  email: { fill: '#E69F00', text: '#A65F00', pattern: 'solid' },
  chat: { fill: '#56B4E9', text: '#1F6F9F', pattern: 'diagonal' },
  videoconference: { fill: '#009E73', text: '#00775A', pattern: 'dots' },
  telephone: { fill: '#F0E442', text: '#806F00', pattern: 'crosshatch' },
  'internet-program': { fill: '#0072B2', text: '#0072B2', pattern: 'horizontal' },
  'virtual-reality': { fill: '#D55E00', text: '#B34A00', pattern: 'vertical' },
  several: { fill: '#CC79A7', text: '#A4517E', pattern: 'zigzag' },
};

/** A light-to-dark single-hue (blue) ramp for counts; each step carries its own legible text colour. */
export const countRamp: readonly string[] = ['#deebf7', '#9ecae1', '#4292c6', '#2171b5', '#08306b'];

/** A light-to-dark grey ramp for counts that are not findings ("not compared", "not reported"), so they never look like results. */
export const noFindingRamp: readonly string[] = ['#f0f0f0', '#d9d9d9', '#bdbdbd', '#969696', '#737373'];

/** The fill of a cell with no studies. */
export const EMPTY_FILL = '#ffffff';

function channel(hex: string, at: number): number {
  const v = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
  return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}

/** WCAG 2 relative luminance of a `#rrggbb` colour, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new RangeError(`not a #rrggbb colour: ${hex}`);
  return 0.2126 * channel(hex, 1) + 0.7152 * channel(hex, 3) + 0.0722 * channel(hex, 5);
}

/** WCAG 2 contrast ratio between two `#rrggbb` colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The text colour (INK or white) with the higher contrast on `fill`. */
export function readableInk(fill: string): string {
  return contrastRatio(INK, fill) >= contrastRatio('#ffffff', fill) ? INK : '#ffffff';
}

/**
 * The PRISMA 2020 flow diagram's colours (src/lib/prisma/svg.ts): the template's blue stage bars and
 * yellow/grey column titles as light tints, with text that reaches at least 13:1 on every fill and
 * a link blue of 6.7:1 on white.
 */
export const prismaColours = {
  /** Text, box borders and arrows (16.6:1 on white). */
  ink: '#1b1f24',
  /** Border of a box that links to the records behind it (6.7:1 on white). */
  link: '#0b5cad',
  /** Count boxes and the drawing's background. */
  box: '#ffffff',
  /** The stage bars along the left edge (ink 13.0:1). */
  stage: '#d6e6f7',
  /** Title of the databases-and-registers column (ink 13.4:1). */
  mainHeader: '#fbe7a1',
  /** Titles of the previous-studies and other-methods columns (ink 13.4:1). */
  otherHeader: '#e4e7eb',
} as const;

/** Light gridlines behind bars (not text). */
export const GRID = '#d9d9d9';

/** The mark of a single estimate (forest-plot squares): Okabe–Ito blue, as the internet-program swatch. */
export const ESTIMATE_FILL = '#0072B2';

/** Opacity of a pattern's lines over its fill, so the fill colour still reads. */
export const PATTERN_OPACITY = 0.45;

/** The lines of each fill pattern as an SVG path in an 8 × 8 tile (solid has none). */
export const patternPaths: Record<PatternName, string> = {
  solid: '',
  diagonal: 'M0,8 L8,0',
  dots: 'M4,4 m-1.2,0 a1.2,1.2 0 1,0 2.4,0 a1.2,1.2 0 1,0 -2.4,0',
  crosshatch: 'M0,0 L8,8 M8,0 L0,8',
  horizontal: 'M0,4 L8,4',
  vertical: 'M4,0 L4,8',
  zigzag: 'M0,6 L2,2 L4,6 L6,2 L8,6',
};
