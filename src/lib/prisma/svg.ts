// The PRISMA 2020 diagram spec (./layout.ts) as one SVG string: the review page inlines it and
// /reviews/<id>/prisma.svg serves it as a file. Pure: spec in, text out.
//
// Every text and attribute value is escaped here (labels come from records: source names,
// exclusion-reason labels), so the page may insert the string as HTML. Styles are presentation
// attributes, not CSS, so a downloaded file looks the same as the page. Text is real <text>,
// not paths, and nothing needs JavaScript.
import { prismaColours } from '../charts/palette';
import type { PrismaBox, PrismaDiagramSpec } from './layout';

/** Options for renderPrismaSvg. */
export interface PrismaSvgOptions {
  /** A file of its own: XML declaration, namespaces, fixed size in px. Default false (inline in HTML). */
  standalone?: boolean;
  /** Prefix of the ids inside the SVG (title, desc, arrowhead), unique on the page. Default `prisma`. */
  idPrefix?: string;
}

/** Colours from the contrast-tested palette: PRISMA 2020 template's blue stage bars and yellow/grey column titles, in tints. */
const { ink: INK, link: LINK, box: BOX_FILL, stage: STAGE_FILL } = prismaColours;
const HEADER_FILL: Record<string, string> = {
  'header-main': prismaColours.mainHeader,
  'header-other': prismaColours.otherHeader,
  'header-previous': prismaColours.otherHeader,
};
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif";

/** Characters XML 1.0 does not allow at all (a standalone file with one would not open). */
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Escapes text for an XML/HTML text node or a double- or single-quoted attribute: & < > " ' (and drops characters XML forbids). */
export function escapeXml(value: string | number): string {
  return String(value)
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A coordinate with at most two decimals, never "-0". */
const num = (n: number) => String(Math.round(n * 100) / 100 + 0);

/** Only site-relative, fragment and http(s) addresses become links; anything else (`javascript:`) is dropped. */
export const safeHref = (href: string | undefined): string | undefined =>
  href !== undefined && /^(\/|#|\.{1,2}\/|https?:\/\/)/i.test(href) ? href : undefined;

/** `name="value"` pairs, every value escaped; undefined values are left out. */
const attrs = (pairs: Record<string, string | number | undefined>) =>
  Object.entries(pairs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXml(typeof value === 'number' ? num(value) : value)}"`)
    .join('');

const el = (name: string, pairs: Record<string, string | number | undefined>, children?: string) =>
  children === undefined ? `<${name}${attrs(pairs)}/>` : `<${name}${attrs(pairs)}>${children}</${name}>`;

/** One box: its rectangle and wrapped text, inside a link when it has an address. */
function renderBox(box: PrismaBox, spec: PrismaDiagramSpec, standalone: boolean): string {
  const href = safeHref(box.href);
  const header = box.kind === 'header';
  const rect = el('rect', {
    x: box.x,
    y: box.y,
    width: box.width,
    height: box.height,
    rx: header ? 6 : 2,
    fill: header ? (HEADER_FILL[box.id] ?? prismaColours.otherHeader) : BOX_FILL,
    stroke: href ? LINK : INK,
    'stroke-width': href ? 2 : 1,
  });
  const lines = box.lines
    .map((line, i) => el('tspan', { x: box.textX, ...(i === 0 ? { y: box.textY } : { dy: spec.lineHeight }) }, escapeXml(line)))
    .join('');
  // A linked box shows it by its border (blue, thicker), not by underlining every line of its text.
  const text = el('text', { 'text-anchor': box.align, fill: INK, 'font-weight': header ? 600 : undefined }, lines);
  const group = `${rect}${text}`;
  if (!href) return el('g', { 'data-box': box.id }, group);
  return el('a', { href, ...(standalone ? { 'xlink:href': href } : {}), 'data-box': box.id }, group);
}

/** The diagram as one SVG element (or, standalone, a whole .svg file). Every value is escaped. */
export function renderPrismaSvg(spec: PrismaDiagramSpec, options: PrismaSvgOptions = {}): string {
  const standalone = options.standalone ?? false;
  const id = escapeId(options.idPrefix ?? 'prisma');
  const linked = spec.boxes.some((b) => safeHref(b.href) !== undefined);
  const root = {
    ...(standalone ? { xmlns: 'http://www.w3.org/2000/svg', 'xmlns:xlink': 'http://www.w3.org/1999/xlink', version: '1.1' } : {}),
    viewBox: `0 0 ${num(spec.width)} ${num(spec.height)}`,
    width: spec.width,
    height: spec.height,
    // A group when boxes are links (role="img" would hide them from assistive technology).
    role: linked ? 'group' : 'img',
    'aria-labelledby': `${id}-title`,
    'aria-describedby': `${id}-desc`,
    class: standalone ? undefined : 'prisma-svg',
    'font-family': FONT_FAMILY,
    'font-size': spec.fontSize,
  };
  const parts: string[] = [
    el('title', { id: `${id}-title` }, escapeXml(spec.title)),
    el('desc', { id: `${id}-desc` }, escapeXml(spec.description)),
    `<defs>${el(
      'marker',
      {
        id: `${id}-arrow`,
        viewBox: '0 0 10 10',
        refX: 10,
        refY: 5,
        markerWidth: 7,
        markerHeight: 7,
        markerUnits: 'strokeWidth',
        orient: 'auto',
      },
      el('path', { d: 'M0,0L10,5L0,10z', fill: INK }),
    )}</defs>`,
    el('rect', { x: 0, y: 0, width: spec.width, height: spec.height, fill: BOX_FILL }),
  ];
  for (const stage of spec.stages) {
    const cx = stage.x + stage.width / 2;
    const cy = stage.y + stage.height / 2;
    parts.push(
      el(
        'g',
        { 'data-stage': stage.id },
        el('rect', { x: stage.x, y: stage.y, width: stage.width, height: stage.height, rx: 4, fill: STAGE_FILL }) +
          el(
            'text',
            {
              x: cx,
              y: cy,
              dy: '0.35em',
              transform: `rotate(-90 ${num(cx)} ${num(cy)})`,
              'text-anchor': 'middle',
              'font-weight': 600,
              fill: INK,
            },
            escapeXml(stage.label),
          ),
      ),
    );
  }
  parts.push(
    el(
      'g',
      { fill: 'none', stroke: INK, 'stroke-width': 1.25 },
      spec.arrows
        .map((a) => el('path', { d: roundPath(a.path), 'marker-end': `url(#${id}-arrow)`, 'data-from': a.from, 'data-to': a.to }))
        .join(''),
    ),
  );
  for (const box of spec.boxes) parts.push(renderBox(box, spec, standalone));
  const svg = el('svg', root, `\n${parts.join('\n')}\n`);
  return standalone ? `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n` : svg;
}

/** An id made of letters, digits, `-` and `_` only. */
const escapeId = (id: string) => id.replace(/[^A-Za-z0-9_-]/g, '-');

/** Rounds every number in SVG path data to two decimals. */
const roundPath = (d: string) => d.replace(/-?\d+(?:\.\d+)?(?:e-?\d+)?/gi, (n) => num(Number(n)));
