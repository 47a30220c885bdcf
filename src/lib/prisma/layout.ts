// The PRISMA 2020 flow diagram (Page et al. 2021, BMJ 372:n71) as a plain, serialisable spec:
// boxes with wrapped text, arrows as d3-shape path strings, stage labels, a text alternative and
// the numbers as table rows. A component only maps it to SVG. Null counts read "not reported",
// never 0; the previous-studies and other-methods columns appear only when the flow has them.
import { format } from 'd3-format';
import { line } from 'd3-shape';
import type { Flow } from '../../schemas/flow';
import { sumReasons } from './check';
import type { ExclusionReason } from './derive';

/** Ids of the diagram's boxes (headers included). */
export type PrismaBoxId =
  | 'header-previous'
  | 'header-main'
  | 'header-other'
  | 'previous'
  | 'identified'
  | 'removed'
  | 'screened'
  | 'excluded-screening'
  | 'sought'
  | 'not-retrieved'
  | 'assessed'
  | 'excluded-full-text'
  | 'included'
  | 'total'
  | 'other-identified'
  | 'other-sought'
  | 'other-not-retrieved'
  | 'other-assessed'
  | 'other-excluded';

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

/** One number of the diagram, for the table beside it. */
export interface PrismaRow {
  box: PrismaBoxId;
  stage: 'Identification' | 'Screening' | 'Included';
  label: string;
  /** The count; null when not reported. */
  n: number | null;
  /** The count as shown: "1,250" or "not reported". */
  text: string;
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
export interface PrismaLayoutOptions {
  /** The review's exclusion reasons, for their labels (ids are shown when missing). */
  reasons?: readonly ExclusionReason[];
  /** Address a box links to; undefined for none. */
  hrefFor?: (box: PrismaBoxId) => string | undefined;
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

const formatCount = format(',');
/** A count as shown: "1,250" or "not reported". */
export const countText = (n: number | null | undefined) => (typeof n === 'number' ? formatCount(n) : 'not reported');
/** "(n = 840)", held together by no-break spaces so it never wraps (wrapAll turns them back into spaces). */
const nText = (n: number | null | undefined) => `(n\u00a0=\u00a0${countText(n).replace(/ /g, '\u00a0')})`;

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

const wrapAll = (texts: readonly string[], width: number) => texts.flatMap((t) => wrapText(t, Math.floor((width - 2 * PAD) / CHAR)).map((l) => l.replace(/\u00a0/g, ' ')));
const heightOf = (lines: readonly string[]) => lines.length * LINE + 2 * PAD;

interface Draft {
  id: PrismaBoxId;
  kind: 'header' | 'count';
  x: number;
  width: number;
  texts: string[];
  align: 'middle' | 'start';
}

const sumIfAll = (a: number | null | undefined, b: number | null | undefined) => (typeof a === 'number' && typeof b === 'number' ? a + b : null);

/** Lays out the PRISMA 2020 diagram of a flow (reported or derived). Deterministic; integer coordinates. */
export function layoutPrismaFlow(flow: Flow, options: PrismaLayoutOptions = {}): PrismaDiagramSpec {
  const labelOf = (id: string) => options.reasons?.find((r) => r.id === id)?.label ?? id;
  const previous = flow.previous;
  const other = flow.other_methods;
  const rows: PrismaRow[] = [];
  const row = (box: PrismaBoxId, stage: PrismaRow['stage'], label: string, n: number | null | undefined) => rows.push({ box, stage, label, n: n ?? null, text: countText(n) });

  // Columns.
  let cursor = MARGIN + STAGE_W + STAGE_GAP;
  const prevX = cursor;
  if (previous) cursor += PREV_W + COLUMN_GAP;
  const mainX = cursor;
  const sideX = mainX + MAIN_W + ARROW_GAP;
  cursor = sideX + SIDE_W;
  const otherX = cursor + COLUMN_GAP;
  const otherSideX = otherX + OTHER_W + ARROW_GAP;
  if (other) cursor = otherSideX + OTHER_SIDE_W;
  const width = cursor + MARGIN;

  // Box contents, row by row.
  const isNew = previous ? 'new ' : '';
  const headers: Draft[] = [
    ...(previous ? [{ id: 'header-previous' as const, kind: 'header' as const, x: prevX, width: PREV_W, texts: ['Previous studies'], align: 'middle' as const }] : []),
    { id: 'header-main', kind: 'header', x: mainX, width: MAIN_W + ARROW_GAP + SIDE_W, texts: [`Identification of ${isNew}studies via databases and registers`], align: 'middle' },
    ...(other ? [{ id: 'header-other' as const, kind: 'header' as const, x: otherX, width: OTHER_W + ARROW_GAP + OTHER_SIDE_W, texts: [`Identification of ${isNew}studies via other methods`], align: 'middle' as const }] : []),
  ];

  const perSource = Object.entries(flow.identified.per_source ?? {});
  const identification: Draft[] = [];
  if (previous) {
    identification.push({
      id: 'previous',
      kind: 'count',
      x: prevX,
      width: PREV_W,
      texts: [`Studies included in previous version of review ${nText(previous.studies)}`, `Reports of studies included in previous version of review ${nText(previous.reports)}`],
      align: 'start',
    });
    row('previous', 'Identification', 'Studies included in previous version of review', previous.studies);
    row('previous', 'Identification', 'Reports of studies included in previous version of review', previous.reports);
  }
  identification.push({
    id: 'identified',
    kind: 'count',
    x: mainX,
    width: MAIN_W,
    texts: ['Records identified from:', `Databases ${nText(flow.identified.databases)}`, ...perSource.map(([name, n]) => `– ${name} ${nText(n)}`), `Registers ${nText(flow.identified.registers)}`],
    align: 'start',
  });
  row('identified', 'Identification', 'Records identified from databases', flow.identified.databases);
  for (const [name, n] of perSource) row('identified', 'Identification', `Records identified from ${name}`, n);
  row('identified', 'Identification', 'Records identified from registers', flow.identified.registers);
  const removed = flow.removed_before_screening;
  identification.push({
    id: 'removed',
    kind: 'count',
    x: sideX,
    width: SIDE_W,
    texts: [
      'Records removed before screening:',
      `Duplicate records removed ${nText(removed.duplicates)}`,
      `Records marked as ineligible by automation tools ${nText(removed.automation)}`,
      `Records removed for other reasons ${nText(removed.other)}`,
    ],
    align: 'start',
  });
  row('removed', 'Identification', 'Duplicate records removed', removed.duplicates);
  row('removed', 'Identification', 'Records marked as ineligible by automation tools', removed.automation);
  row('removed', 'Identification', 'Records removed for other reasons', removed.other);
  if (other) {
    const id = other.identified;
    identification.push({
      id: 'other-identified',
      kind: 'count',
      x: otherX,
      width: OTHER_W,
      texts: ['Records identified from:', `Websites ${nText(id.websites)}`, `Organisations ${nText(id.organisations)}`, `Citation searching ${nText(id.citations)}`],
      align: 'start',
    });
    row('other-identified', 'Identification', 'Records identified from websites (other methods)', id.websites);
    row('other-identified', 'Identification', 'Records identified from organisations (other methods)', id.organisations);
    row('other-identified', 'Identification', 'Records identified from citation searching (other methods)', id.citations);
  }

  const single = (id: PrismaBoxId, x: number, w: number, label: string, n: number | null | undefined, stage: PrismaRow['stage'], rowLabel = label): Draft => {
    row(id, stage, rowLabel, n);
    return { id, kind: 'count', x, width: w, texts: [label, nText(n)], align: 'middle' };
  };
  const exclusionBox = (id: PrismaBoxId, x: number, w: number, counts: Readonly<Record<string, number | null>> | null | undefined, suffix: string): Draft => {
    const entries = Object.entries(counts ?? {});
    if (!counts || entries.length === 0) {
      const n = counts ? 0 : null;
      row(id, 'Screening', `Reports excluded${suffix}`, n);
      return { id, kind: 'count', x, width: w, texts: ['Reports excluded', nText(n)], align: 'middle' };
    }
    for (const [reason, n] of entries) row(id, 'Screening', `Reports excluded${suffix}: ${labelOf(reason)}`, n);
    return { id, kind: 'count', x, width: w, texts: ['Reports excluded:', ...entries.map(([reason, n]) => `${labelOf(reason)} ${nText(n)}`)], align: 'start' };
  };

  const screening1 = [single('screened', mainX, MAIN_W, 'Records screened', flow.screened, 'Screening'), single('excluded-screening', sideX, SIDE_W, 'Records excluded', flow.excluded_screening, 'Screening')];
  const screening2 = [
    single('sought', mainX, MAIN_W, 'Reports sought for retrieval', flow.sought, 'Screening'),
    single('not-retrieved', sideX, SIDE_W, 'Reports not retrieved', flow.not_retrieved, 'Screening'),
  ];
  const screening3 = [single('assessed', mainX, MAIN_W, 'Reports assessed for eligibility', flow.assessed, 'Screening'), exclusionBox('excluded-full-text', sideX, SIDE_W, flow.excluded_full_text, '')];
  if (other) {
    screening2.push(
      single('other-sought', otherX, OTHER_W, 'Reports sought for retrieval', other.sought, 'Screening', 'Reports sought for retrieval (other methods)'),
      single('other-not-retrieved', otherSideX, OTHER_SIDE_W, 'Reports not retrieved', other.not_retrieved, 'Screening', 'Reports not retrieved (other methods)'),
    );
    screening3.push(
      single('other-assessed', otherX, OTHER_W, 'Reports assessed for eligibility', other.assessed, 'Screening', 'Reports assessed for eligibility (other methods)'),
      exclusionBox('other-excluded', otherSideX, OTHER_SIDE_W, other.excluded, ' (other methods)'),
    );
  }

  const studiesLabel = previous ? 'New studies included in review' : 'Studies included in review';
  const reportsLabel = previous ? 'Reports of new included studies' : 'Reports of included studies';
  row('included', 'Included', studiesLabel, flow.included_studies);
  row('included', 'Included', reportsLabel, flow.included_reports);
  const included: Draft[] = [{ id: 'included', kind: 'count', x: mainX, width: MAIN_W, texts: [`${studiesLabel} ${nText(flow.included_studies)}`, `${reportsLabel} ${nText(flow.included_reports)}`], align: 'start' }];
  const total: Draft[] = [];
  if (previous) {
    const studies = sumIfAll(previous.studies, flow.included_studies);
    const reports = sumIfAll(previous.reports, flow.included_reports);
    row('total', 'Included', 'Total studies included in review', studies);
    row('total', 'Included', 'Reports of total included studies', reports);
    total.push({ id: 'total', kind: 'count', x: mainX, width: MAIN_W, texts: [`Total studies included in review ${nText(studies)}`, `Reports of total included studies ${nText(reports)}`], align: 'start' });
  }

  // Vertical placement: every box in a row takes the row's height.
  const boxes: PrismaBox[] = [];
  const bands: { top: number; bottom: number }[] = [];
  let y = MARGIN;
  for (const drafts of [headers, identification, screening1, screening2, screening3, included, total]) {
    if (drafts.length === 0) continue;
    const wrapped = drafts.map((d) => wrapAll(d.texts, d.width));
    const height = Math.max(...wrapped.map(heightOf));
    drafts.forEach((d, i) => {
      const lines = wrapped[i] ?? [];
      const href = d.kind === 'count' || d.id.startsWith('header') ? options.hrefFor?.(d.id) : undefined;
      boxes.push({
        id: d.id,
        kind: d.kind,
        x: d.x,
        y,
        width: d.width,
        height,
        lines,
        align: d.align,
        textX: d.align === 'middle' ? Math.round(d.x + d.width / 2) : d.x + PAD,
        textY: y + Math.round((height - lines.length * LINE) / 2) + FONT,
        ...(href !== undefined ? { href } : {}),
      });
    });
    bands.push({ top: y, bottom: y + height });
    y += height + ROW_GAP;
  }
  const height = y - ROW_GAP + MARGIN;

  // Arrows.
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const path = line();
  const arrows: PrismaArrow[] = [];
  const arrow = (from: PrismaBoxId, to: PrismaBoxId, points: [number, number][]) => arrows.push({ from, to, points, path: path(points) ?? '' });
  const cx = (b: PrismaBox) => Math.round(b.x + b.width / 2);
  const cy = (b: PrismaBox) => Math.round(b.y + b.height / 2);
  const down = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (a && b) arrow(from, to, [[cx(a), a.y + a.height], [cx(a), b.y]]);
  };
  const right = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (a && b) arrow(from, to, [[a.x + a.width, cy(a)], [b.x, cy(a)]]);
  };
  /** Down from `from`, then sideways into `to` at its middle. */
  const elbow = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = byId.get(from);
    const b = byId.get(to);
    if (!a || !b) return;
    const edge = cx(a) < b.x ? b.x : b.x + b.width;
    arrow(from, to, [[cx(a), a.y + a.height], [cx(a), cy(b)], [edge, cy(b)]]);
  };
  down('identified', 'screened');
  right('identified', 'removed');
  down('screened', 'sought');
  right('screened', 'excluded-screening');
  down('sought', 'assessed');
  right('sought', 'not-retrieved');
  right('assessed', 'excluded-full-text');
  down('assessed', 'included');
  if (other) {
    down('other-identified', 'other-sought');
    right('other-sought', 'other-not-retrieved');
    down('other-sought', 'other-assessed');
    right('other-assessed', 'other-excluded');
    elbow('other-assessed', 'included');
  }
  if (previous) {
    down('included', 'total');
    elbow('previous', 'total');
  }

  // Stage labels along the left edge.
  const band = (from: PrismaBoxId, to: PrismaBoxId) => {
    const a = byId.get(from);
    const b = byId.get(to);
    return { y: a?.y ?? 0, height: (b ? b.y + b.height : 0) - (a?.y ?? 0) };
  };
  const stages: PrismaStage[] = [
    { id: 'identification', label: 'Identification', x: MARGIN, width: STAGE_W, ...band('identified', 'identified') },
    { id: 'screening', label: 'Screening', x: MARGIN, width: STAGE_W, ...band('screened', 'assessed') },
    { id: 'included', label: 'Included', x: MARGIN, width: STAGE_W, ...band('included', previous ? 'total' : 'included') },
  ];

  const title = options.title ?? 'PRISMA 2020 flow diagram';
  return {
    kind: 'prisma-flow',
    title,
    description: describeFlow(flow, labelOf),
    width,
    height,
    fontSize: FONT,
    lineHeight: LINE,
    stages,
    boxes,
    arrows,
    rows,
    table: { columns: ['Stage', 'Box', 'Count'], rows: rows.map((r) => [r.stage, r.label, r.text]) },
  };
}

/** "1 record was", "1,250 records were", "an unreported number of records were". */
function counted(n: number | null | undefined, singular: string, plural: string): string {
  if (typeof n !== 'number') return `an unreported number of ${plural} were`;
  return n === 1 ? `1 ${singular} was` : `${formatCount(n)} ${plural} were`;
}

/** " and 12 excluded", or "; the number excluded is not reported". */
const andCount = (n: number | null | undefined, phrase: string) => (typeof n === 'number' ? ` and ${formatCount(n)} ${phrase}` : `; the number ${phrase} is not reported`);

/** "7 studies", "1 new study", "an unreported number of studies". */
const nounCount = (n: number | null | undefined, singular: string, plural: string) =>
  typeof n === 'number' ? `${formatCount(n)} ${n === 1 ? singular : plural}` : `an unreported number of ${plural}`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The diagram in sentences: a text alternative that gives every number, and says which are not reported. */
export function describeFlow(flow: Flow, labelOf: (reasonId: string) => string = (id) => id): string {
  const sentences: string[] = ['PRISMA 2020 flow diagram.'];
  const perSource = Object.entries(flow.identified.per_source ?? {});
  const sources = perSource.length > 0 ? ` (${perSource.map(([name, n]) => `${name} ${countText(n)}`).join(', ')})` : '';
  sentences.push(`Identification: ${counted(flow.identified.databases, 'record', 'records')} identified from databases${sources}${andCount(flow.identified.registers, 'from registers')}.`);
  const removed = flow.removed_before_screening;
  const extra = [
    typeof removed.automation === 'number' && removed.automation > 0 ? `${formatCount(removed.automation)} marked as ineligible by automation tools` : '',
    typeof removed.other === 'number' && removed.other > 0 ? `${formatCount(removed.other)} removed for other reasons` : '',
  ].filter(Boolean);
  sentences.push(`Before screening, ${counted(removed.duplicates, 'duplicate record', 'duplicate records')} removed${extra.length > 0 ? `, and ${extra.join(' and ')}` : ''}.`);
  sentences.push(`Screening: ${counted(flow.screened, 'record', 'records')} screened${andCount(flow.excluded_screening, 'excluded')}.`);
  sentences.push(`${capitalise(counted(flow.sought, 'report', 'reports'))} sought for retrieval${andCount(flow.not_retrieved, 'not retrieved')}.`);
  const reasons = Object.entries(flow.excluded_full_text ?? {});
  const excluded = flow.excluded_full_text ? sumReasons(flow.excluded_full_text) : null;
  const why = reasons.length > 0 ? ` (${reasons.map(([id, n]) => `${labelOf(id)}: ${countText(n)}`).join('; ')})` : '';
  sentences.push(`${capitalise(counted(flow.assessed, 'report', 'reports'))} assessed for eligibility${andCount(excluded, 'excluded')}${why}.`);
  const other = flow.other_methods;
  if (other) {
    const id = other.identified;
    const otherExcluded = other.excluded ? sumReasons(other.excluded) : null;
    sentences.push(
      `Other methods: records identified from websites ${countText(id.websites)}, organisations ${countText(id.organisations)}, citation searching ${countText(id.citations)}; ` +
        `reports sought ${countText(other.sought)}, not retrieved ${countText(other.not_retrieved)}, assessed ${countText(other.assessed)}, excluded ${countText(otherExcluded)}.`,
    );
  }
  const newWord = flow.previous ? 'new ' : '';
  sentences.push(`Included: ${nounCount(flow.included_studies, `${newWord}study`, `${newWord}studies`)} (${nounCount(flow.included_reports, 'report', 'reports')}).`);
  if (flow.previous) {
    const p = flow.previous;
    sentences.push(
      `With ${nounCount(p.studies, 'study', 'studies')} (${nounCount(p.reports, 'report', 'reports')}) from the previous version, the review includes ` +
        `${nounCount(sumIfAll(p.studies, flow.included_studies), 'study', 'studies')} (${nounCount(sumIfAll(p.reports, flow.included_reports), 'report', 'reports')}) in total.`,
    );
  }
  return sentences.join(' ');
}
