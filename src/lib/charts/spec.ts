// Shared shapes of chart specs: plain, serialisable data an Astro component maps to SVG and an HTML table.
import { format } from 'd3-format';

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

/** One labelled tick on an axis; `position` is in SVG user units along the axis. */
export interface AxisTick {
  value: number;
  position: number;
  label: string;
}

/** One legend entry: a colour, a pattern and the text that names it. */
export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  pattern: string;
}

/** Rounds to `digits` decimals, for table cells (avoids 0.30000000000000004). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** "1 study" / "3 studies". */
export function formatStudies(n: number): string {
  return `${formatCount(n)} ${n === 1 ? 'study' : 'studies'}`;
}

/** Thousands with commas: 10000 -> "10,000". */
export const formatCount = format(',');

/** Two decimals with a true minus sign: -0.3 -> "−0.30". */
export const formatEstimate = format('.2f');
