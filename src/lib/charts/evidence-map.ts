// Evidence map: how many studies of each modality found the alliance higher, equal or lower than face-to-face.
import { scaleBand, scaleQuantize } from 'd3-scale';
import type { Study } from '../../schemas';
import { modalities, vsFaceToFace } from '../../schemas';
import { modalityLabels, vsFaceToFaceLabels } from '../labels';
import { EMPTY_FILL, INK, RULE, countRamp, noFindingRamp, readableInk } from './palette';
import { countNoun, plural } from '../format';
import type { ChartText, Point } from './spec';

type Modality = (typeof modalities)[number];
type Finding = (typeof vsFaceToFace)[number];

/** The fields of a study the evidence map reads. */
export type EvidenceMapStudy = Pick<Study, 'id' | 'modalities'> & { alliance: Pick<Study['alliance'], 'vs_face_to_face'> };

/** Column values that are not findings: the study made no comparison, or the sources read do not say. */
const notFindings: readonly Finding[] = ['not-compared', 'not-reported'];

/** True when a column value is a result about the alliance (higher, equivalent, lower, mixed). */
export const isFinding = (f: Finding): boolean => !notFindings.includes(f);

/** One grid cell: a modality × finding, with the studies in it and a link to them. */
export interface EvidenceMapCell {
  modality: Modality;
  finding: Finding;
  /** False in the "not compared" and "not reported" columns, which are drawn in grey. */
  isFinding: boolean;
  count: number;
  studyIds: string[];
  /** Link to the filtered study list; null for an empty cell. */
  href: string | null;
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** Colour of the count printed in the cell (≥ 4.5:1 on `fill`). */
  textColor: string;
  /** Text printed in the cell: the count, or "" when empty. */
  label: string;
  /** Where the count is drawn: the middle of the cell, on the text's baseline. */
  labelAt: Point;
  /** Full text for assistive technology, e.g. "Email, equivalent: 2 studies". */
  ariaLabel: string;
}

export interface EvidenceMapSpec extends ChartText {
  kind: 'evidence-map';
  width: number;
  height: number;
  /** The SVG viewBox: the grid with a 2-unit margin, so cell outlines are not clipped. */
  viewBox: string;
  /** Row headings (modalities), with their vertical band and where the label is drawn (right-aligned). */
  rows: { modality: Modality; label: string; y: number; height: number; labelAt: Point }[];
  /** Column headings (findings), with their horizontal band; `isFinding` false for "not compared" and "not reported". */
  columns: { finding: Finding; label: string; isFinding: boolean; x: number; width: number; heading: ColumnHeading }[];
  /** Every modality × finding cell, empty ones included, rows first. */
  cells: EvidenceMapCell[];
  /** Count bins of the colour ramp, lightest first. */
  legend: { label: string; fill: string }[];
  /** Number of distinct studies mapped. */
  studies: number;
  /** Colours of the headings and of the cell outlines (cells carry their own fill and text colour). */
  colors: { ink: string; rule: string };
}

/** A column heading as drawn: centred at `x`, first line at `y`, each further line `dy` below the one before. */
export interface ColumnHeading {
  x: number;
  y: number;
  lines: { text: string; dy: number }[];
}

export interface EvidenceMapOptions {
  /** Link to the study explorer filtered to one cell. */
  href: (modality: Modality, finding: Finding) => string;
  /** Overall width in SVG units (default 720). */
  width?: number;
}

const LABEL_WIDTH = 170;
const HEADER_HEIGHT = 56;
const ROW_HEIGHT = 44;
/** Row labels end this far left of the grid. */
const LABEL_GAP = 10;
/** Baselines of a one-line and of a two-line column heading, and the distance between lines. */
const HEADING_Y = 42;
const HEADING_Y_WRAPPED = 26;
const HEADING_LINE = 16;
/** Text baselines sit this far below the middle of a row or cell, so the text looks centred. */
const ROW_TEXT_DROP = 5;
const CELL_TEXT_DROP = 6;

/** A column heading longer than its band wraps onto two lines at the space nearest the middle. */
export function headingLines(label: string): string[] {
  if (label.length <= 12) return [label];
  const mid = label.lastIndexOf(' ', Math.ceil(label.length / 2) + 2);
  return mid > 0 ? [label.slice(0, mid), label.slice(mid + 1)] : [label];
}

function columnHeading(label: string, x: number, width: number): ColumnHeading {
  const lines = headingLines(label);
  return {
    x: x + width / 2,
    y: lines.length > 1 ? HEADING_Y_WRAPPED : HEADING_Y,
    lines: lines.map((text, i) => ({ text, dy: i === 0 ? 0 : HEADING_LINE })),
  };
}

function key(m: Modality, f: Finding): string {
  return `${m}|${f}`;
}

/** Builds the modality × alliance-finding grid; a study with several modalities counts once in each of their rows. */
export function buildEvidenceMap(studies: readonly EvidenceMapStudy[], options: EvidenceMapOptions): EvidenceMapSpec {
  const width = options.width ?? 720;
  const height = HEADER_HEIGHT + ROW_HEIGHT * modalities.length;
  const ids = new Map<string, string[]>(modalities.flatMap((m) => vsFaceToFace.map((f) => [key(m, f), [] as string[]])));
  for (const study of studies) {
    for (const m of new Set(study.modalities)) ids.get(key(m, study.alliance.vs_face_to_face))?.push(study.id);
  }

  const x = scaleBand<Finding>().domain(vsFaceToFace).range([LABEL_WIDTH, width]).paddingInner(0.06);
  const y = scaleBand<Modality>().domain(modalities).range([HEADER_HEIGHT, height]).paddingInner(0.1);
  const max = Math.max(0, ...[...ids.values()].map((list) => list.length));
  const steps = Math.min(countRamp.length, Math.max(max, 1));
  const bins = scaleQuantize<string>()
    .domain([1, Math.max(max, 1) + 1])
    .range(countRamp.slice(0, steps));
  const greyBins = scaleQuantize<string>()
    .domain([1, Math.max(max, 1) + 1])
    .range(noFindingRamp.slice(0, steps));

  const cells: EvidenceMapCell[] = modalities.flatMap((m) =>
    vsFaceToFace.map((f): EvidenceMapCell => {
      const studyIds = [...(ids.get(key(m, f)) ?? [])].sort();
      const count = studyIds.length;
      const fill = count === 0 ? EMPTY_FILL : isFinding(f) ? bins(count) : greyBins(count);
      return {
        modality: m,
        finding: f,
        isFinding: isFinding(f),
        count,
        studyIds,
        href: count === 0 ? null : options.href(m, f),
        x: x(f) ?? 0,
        y: y(m) ?? 0,
        width: x.bandwidth(),
        height: y.bandwidth(),
        fill,
        textColor: count === 0 ? INK : readableInk(fill),
        label: count === 0 ? '' : String(count),
        labelAt: { x: (x(f) ?? 0) + x.bandwidth() / 2, y: (y(m) ?? 0) + y.bandwidth() / 2 + CELL_TEXT_DROP },
        ariaLabel: `${modalityLabels[m]}, ${vsFaceToFaceLabels[f].toLowerCase()}: ${count === 0 ? 'no studies' : countNoun(count, 'study', 'studies')}`,
      };
    }),
  );

  const rowTotal = (m: Modality) => new Set(cells.filter((c) => c.modality === m).flatMap((c) => c.studyIds)).size;
  const distinct = new Set(studies.map((s) => s.id)).size;
  const filled = cells.filter((c) => c.count > 0);
  const top = [...filled].filter((c) => c.isFinding).sort((a, b) => b.count - a.count)[0];
  const withoutFinding = new Set(studies.filter((s) => !isFinding(s.alliance.vs_face_to_face)).map((s) => s.id)).size;
  const several = studies.filter((s) => new Set(s.modalities).size > 1).length;

  const description =
    distinct === 0
      ? 'An empty grid of delivery modalities by how the alliance compared with face-to-face therapy: no studies are recorded yet.'
      : [
          `A grid of ${modalities.length} delivery modalities by ${vsFaceToFace.length} findings on how the alliance in e-therapy compared with face-to-face therapy, counting ${countNoun(distinct, 'study', 'studies')}.`,
          top
            ? `The fullest cell with a finding is ${modalityLabels[top.modality]}, ${vsFaceToFaceLabels[top.finding].toLowerCase()}, with ${countNoun(top.count, 'study', 'studies')}.`
            : 'No study has a recorded finding.',
          withoutFinding > 0
            ? `${countNoun(withoutFinding, 'study', 'studies')} ${plural(withoutFinding, 'has', 'have')} no finding to show: not compared, or not reported in the sources read (grey columns).`
            : '',
          `${filled.length} of ${cells.length} cells hold at least one study.`,
          several > 0
            ? `${countNoun(several, 'study', 'studies')} used several modalities and ${plural(several, 'is', 'are')} counted in each of their rows.`
            : '',
        ]
          .filter(Boolean)
          .join(' ');

  const legend = bins.range().map((fill) => {
    const [lo, hi] = bins.invertExtent(fill);
    const from = Math.ceil(lo);
    const to = Math.ceil(hi) - 1;
    return { fill, label: from >= to ? countNoun(from, 'study', 'studies') : `${from}–${to} studies` };
  });

  return {
    kind: 'evidence-map',
    title: 'Alliance compared with face-to-face therapy, by modality',
    description,
    width,
    height,
    viewBox: `-2 -2 ${width + 4} ${height + 4}`,
    rows: modalities.map((m) => ({
      modality: m,
      label: modalityLabels[m],
      y: y(m) ?? 0,
      height: y.bandwidth(),
      labelAt: { x: LABEL_WIDTH - LABEL_GAP, y: (y(m) ?? 0) + y.bandwidth() / 2 + ROW_TEXT_DROP },
    })),
    columns: vsFaceToFace.map((f) => ({
      finding: f,
      label: vsFaceToFaceLabels[f],
      isFinding: isFinding(f),
      x: x(f) ?? 0,
      width: x.bandwidth(),
      heading: columnHeading(vsFaceToFaceLabels[f], x(f) ?? 0, x.bandwidth()),
    })),
    cells,
    legend,
    studies: distinct,
    colors: { ink: INK, rule: RULE },
    table: {
      columns: ['Modality', ...vsFaceToFace.map((f) => vsFaceToFaceLabels[f]), 'Studies'],
      rows: modalities.map((m) => [modalityLabels[m], ...vsFaceToFace.map((f) => ids.get(key(m, f))?.length ?? 0), rowTotal(m)]),
    },
  };
}
