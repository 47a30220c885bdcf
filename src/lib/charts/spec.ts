// Shared shapes of chart specs: plain, serialisable data an Astro component maps to SVG and an HTML table.

/** The numbers of a chart, for the HTML table printed beside it. */
export interface ChartTable {
  columns: string[];
  rows: (string | number)[][];
}

/** What every chart spec carries besides its marks. */
export interface ChartText {
  /** Short heading, e.g. for <title> and the figure caption. */
  title: string;
  /** A sentence-level text alternative that states what the chart shows. */
  description: string;
  /** The numbers behind the chart. */
  table: ChartTable;
}

/** A point in SVG user units, e.g. where a text is anchored. */
export interface Point {
  x: number;
  y: number;
}

/** One labelled tick on an axis; `position` is in SVG user units along the axis, `labelAt` where its label is drawn. */
export interface AxisTick {
  value: number;
  position: number;
  label: string;
  labelAt: Point;
}

/** One legend entry: a colour, a pattern and the text that names it. */
export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  pattern: string;
  /** The pattern's lines as an SVG path in an 8 × 8 tile; empty for a solid fill. */
  patternPath: string;
}

/** Rounds to `digits` decimals, for table cells (avoids 0.30000000000000004). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
