// The PRISMA 2020 flow diagram (Page et al. 2021, BMJ 372:n71) as a plain, serialisable spec:
// boxes with wrapped text, arrows as d3-shape path strings, stage labels, a text alternative and
// the numbers as table rows. A component only maps it to SVG. Three steps: what each box says
// (./box-text.ts), where the boxes go (placeBoxes) and how arrows join them (drawArrows).
import { line } from 'd3-shape';
import type { Flow } from '../../schemas/flow';
import {
  hasDatabaseArm,
  PRISMA_BANDS,
  prismaBoxText,
  type PrismaBoxId,
  type PrismaBoxText,
  type PrismaColumn,
  type PrismaRow,
  type PrismaText,
  type PrismaTextOptions,
} from './box-text';
import { describeFlow } from './describe';
import { reasonLabeller } from './text';

export * from './box-text';
export { describeFlow } from './describe';

/** One box: position and size in SVG units, its text already wrapped. */
export interface PrismaBox {
  id: PrismaBoxId;
  /** `header`: a column title; `count`: a box of the flow. */
  kind: 'header' | 'count';
  x: number;
  y: number;
  width: number;
  height: number;
  /** Wrapped lines, e.g. ["Records screened", "(n = 840)"]. */
  lines: string[];
  /** Text anchor: centred, or from the left edge (lists). */
  align: 'middle' | 'start';
  /** x of the text anchor (box centre or left edge plus padding). */
  textX: number;
  /** Baseline of the first line; each further line is `lineHeight` lower. */
  textY: number;
  /** Where the box links to, when the caller gives an address. */
  href?: string;
}

/** An arrow from one box to another, drawn as a path ending at `to`. */
export interface PrismaArrow {
  from: PrismaBoxId;
  to: PrismaBoxId;
  /** Corner points, start to end. */
  points: [number, number][];
  /** SVG path data (d3-shape line). */
  path: string;
}

/** A stage label along the left edge, drawn rotated -90° in its band. */
export interface PrismaStage {
  id: 'identification' | 'screening' | 'included';
  label: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The whole diagram. */
export interface PrismaDiagramSpec {
  kind: 'prisma-flow';
  title: string;
  /** Sentence-level text alternative. */
  description: string;
  width: number;
  height: number;
  fontSize: number;
  lineHeight: number;
  stages: PrismaStage[];
  boxes: PrismaBox[];
  arrows: PrismaArrow[];
  /** The numbers, in diagram order. */
  rows: PrismaRow[];
  /** The same numbers as a generic table (columns and cells). */
  table: { columns: string[]; rows: (string | number)[][] };
}

/** Options for layoutPrismaFlow. */
export interface PrismaLayoutOptions extends PrismaTextOptions {
  /** Heading of the diagram (default "PRISMA 2020 flow diagram"). */
  title?: string;
}

const FONT = 12;
const LINE = 16;
const PAD = 8;
/** Average glyph width at 12 px in a sans-serif face, for wrapping. */
const CHAR = 6.6;
const MARGIN = 8;
const STAGE_W = 28;
const STAGE_GAP = 16;
const PREV_W = 200;
const MAIN_W = 240;
const SIDE_W = 240;
const OTHER_W = 220;
const OTHER_SIDE_W = 200;
const ARROW_GAP = 40;
const COLUMN_GAP = 32;
const ROW_GAP = 32;

/** Greedy word wrap to at most `maxChars` characters a line (a longer word gets a line of its own). */
export function wrapText(text: string, maxChars: number): string[] {
  const lines: string[] = [];
  let current = '';
  // Splits at ordinary spaces only: no-break spaces keep "(n = 840)" together.
  for (const word of text.split(/[ \t\r\n]+/).filter(Boolean)) {
    if (current && current.length + 1 + word.length > maxChars) {
      lines.push(current);
      current = word;
    } else current = current ? `${current} ${word}` : word;
  }
  if (current) lines.push(current);
  return lines;
}

const wrapAll = (texts: readonly string[], width: number) =>
  texts.flatMap((t) => wrapText(t, Math.floor((width - 2 * PAD) / CHAR)).map((l) => l.replace(/\u00a0/g, ' ')));
const heightOf = (lines: readonly string[]) => lines.length * LINE + 2 * PAD;

/** A column's left edge and width. */
interface Span {
  x: number;
  width: number;
}

/** Where each column sits, and the drawing's width: the previous-studies and other-methods columns only when the flow has them. */
function prismaColumns(flow: Flow): { at: Record<PrismaColumn, Span>; width: number } {
  const previous = MARGIN + STAGE_W + STAGE_GAP;
  const main = flow.previous ? previous + PREV_W + COLUMN_GAP : previous;
  const side = main + MAIN_W + ARROW_GAP;
  const other = side + SIDE_W + COLUMN_GAP;
  const otherSide = other + OTHER_W + ARROW_GAP;
  const right = flow.other_methods && hasDatabaseArm(flow) ? otherSide + OTHER_SIDE_W : side + SIDE_W;
  return {
    at: {
      previous: { x: previous, width: PREV_W },
      main: { x: main, width: MAIN_W },
      side: { x: side, width: SIDE_W },
      other: { x: other, width: OTHER_W },
      'other-side': { x: otherSide, width: OTHER_SIDE_W },
      'main-arm': { x: main, width: MAIN_W + ARROW_GAP + SIDE_W },
      'other-arm': { x: other, width: OTHER_W + ARROW_GAP + OTHER_SIDE_W },
    },
    width: right + MARGIN,
  };
}

/** One box at its column and band, its text wrapped and centred vertically. */
function placeBox(text: PrismaBoxText, span: Span, y: number, height: number, lines: string[]): PrismaBox {
  return {
    id: text.id,
    kind: text.kind,
    x: span.x,
    y,
    width: span.width,
    height,
    lines,
    align: text.align,
    textX: text.align === 'middle' ? Math.round(span.x + span.width / 2) : span.x + PAD,
    textY: y + Math.round((height - lines.length * LINE) / 2) + FONT,
    ...(text.href !== undefined ? { href: text.href } : {}),
  };
}

/** Places the boxes band by band, top to bottom; every box of a band takes the band's height. Integer coordinates. */
function placeBoxes(text: PrismaText, columns: Record<PrismaColumn, Span>): { boxes: PrismaBox[]; height: number } {
  const boxes: PrismaBox[] = [];
  let y = MARGIN;
  for (const band of PRISMA_BANDS) {
    const texts = text.boxes.filter((b) => b.band === band);
    if (texts.length === 0) continue;
    const wrapped = texts.map((t) => wrapAll(t.texts, columns[t.column].width));
    const height = Math.max(...wrapped.map(heightOf));
    texts.forEach((t, i) => boxes.push(placeBox(t, columns[t.column], y, height, wrapped[i] ?? [])));
    y += height + ROW_GAP;
  }
  return { boxes, height: y - ROW_GAP + MARGIN };
}

/** The diagram's arrows, in drawing order: `down` to the box below, `right` to the box beside, `elbow` down then sideways. */
const ARROWS: readonly [kind: 'down' | 'right' | 'elbow', from: PrismaBoxId, to: PrismaBoxId][] = [
  ['down', 'identified', 'screened'],
  ['right', 'identified', 'removed'],
  ['down', 'screened', 'sought'],
  ['right', 'screened', 'excluded-screening'],
  ['down', 'sought', 'assessed'],
  ['right', 'sought', 'not-retrieved'],
  ['right', 'assessed', 'excluded-full-text'],
  ['down', 'assessed', 'included'],
  ['down', 'other-identified', 'other-sought'],
  ['right', 'other-sought', 'other-not-retrieved'],
  ['down', 'other-sought', 'other-assessed'],
  ['right', 'other-assessed', 'other-excluded'],
  ['elbow', 'other-assessed', 'included'],
  ['down', 'included', 'total'],
  ['elbow', 'previous', 'total'],
];

const cx = (b: PrismaBox) => Math.round(b.x + b.width / 2);
const cy = (b: PrismaBox) => Math.round(b.y + b.height / 2);

/** The arrows between the boxes placed; an arrow whose boxes the flow does not have is left out. */
function drawArrows(boxes: readonly PrismaBox[]): PrismaArrow[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const path = line();
  return ARROWS.flatMap(([kind, from, to]): PrismaArrow[] => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b) return [];
    const edge = cx(a) < b.x ? b.x : b.x + b.width;
    // An elbow between boxes of one column (the other-methods arm alone, in the databases arm's place) is a straight arrow down.
    const straight = kind === 'down' || (kind === 'elbow' && cx(a) >= b.x && cx(a) <= b.x + b.width);
    const points: [number, number][] = straight
      ? [
          [cx(a), a.y + a.height],
          [cx(a), b.y],
        ]
      : kind === 'right'
        ? [
            [a.x + a.width, cy(a)],
            [b.x, cy(a)],
          ]
        : [
            [cx(a), a.y + a.height],
            [cx(a), cy(b)],
            [edge, cy(b)],
          ];
    return [{ from, to, points, path: path(points) ?? '' }];
  });
}

/** The stage labels along the left edge, each as tall as the boxes of its stage. */
function stageBands(boxes: readonly PrismaBox[]): PrismaStage[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const band = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = byId.get(from);
    const b = byId.get(to);
    return { y: a?.y ?? 0, height: (b ? b.y + b.height : 0) - (a?.y ?? 0) };
  };
  // Without a databases arm, the stages span the other-methods boxes.
  const [identified, first, last] = byId.has('identified')
    ? (['identified', 'screened', 'assessed'] as const)
    : (['other-identified', 'other-sought', 'other-assessed'] as const);
  return [
    { id: 'identification', label: 'Identification', x: MARGIN, width: STAGE_W, ...band(identified, identified) },
    { id: 'screening', label: 'Screening', x: MARGIN, width: STAGE_W, ...band(first, last) },
    { id: 'included', label: 'Included', x: MARGIN, width: STAGE_W, ...band('included', byId.has('total') ? 'total' : 'included') },
  ];
}

/** Lays out the PRISMA 2020 diagram of a flow (reported or derived): box text, placement, arrows. Deterministic; integer coordinates. */
export function layoutPrismaFlow(flow: Flow, options: PrismaLayoutOptions = {}): PrismaDiagramSpec {
  const text = prismaBoxText(flow, options);
  const columns = prismaColumns(flow);
  const { boxes, height } = placeBoxes(text, columns.at);
  return {
    kind: 'prisma-flow',
    title: options.title ?? 'PRISMA 2020 flow diagram',
    description: describeFlow(flow, reasonLabeller(options.reasons)),
    width: columns.width,
    height,
    fontSize: FONT,
    lineHeight: LINE,
    stages: stageBands(boxes),
    boxes,
    arrows: drawArrows(boxes),
    rows: text.rows,
    table: { columns: ['Stage', 'Box', 'Count'], rows: text.rows.map((r) => [r.stage, r.label, r.text]) },
  };
}
