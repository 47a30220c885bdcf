// The flow diagram's SVG as PNG (resvg, @resvg/resvg-js) and as vector PDF (PDFKit with
// svg-to-pdfkit), at build time, without a browser. Both libraries read font files from disk, so
// this lives with the loaders: it finds Liberation Sans (metric-compatible with Arial and
// Helvetica, which the SVG's font-family list names; Debian's fonts-liberation) and embeds it.
// Without that font it falls back to the system's fonts (PNG) and PDFKit's built-in Helvetica (PDF).
import fs from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';

/** The font files the images embed. */
export interface DiagramFonts {
  /** Family name as the font declares it. */
  family: string;
  /** Absolute paths of the regular and bold faces (.ttf). */
  regular: string;
  bold: string;
}

/** Where Debian (fonts-liberation, fonts-liberation2) and other Linux systems keep Liberation Sans. */
const FONT_DIRS = [
  process.env['RAPPORT_FONT_DIR'],
  '/usr/share/fonts/truetype/liberation2',
  '/usr/share/fonts/truetype/liberation',
  '/usr/share/fonts/liberation-sans',
  '/usr/share/fonts/liberation',
  '/usr/local/share/fonts',
].filter((d): d is string => Boolean(d));

let found: DiagramFonts | null | undefined;

/** Liberation Sans regular and bold, from the first folder that has both; null when none does. */
export function findDiagramFonts(dirs: readonly string[] = FONT_DIRS): DiagramFonts | null {
  if (dirs === FONT_DIRS && found !== undefined) return found;
  let result: DiagramFonts | null = null;
  for (const dir of dirs) {
    const regular = path.join(dir, 'LiberationSans-Regular.ttf');
    const bold = path.join(dir, 'LiberationSans-Bold.ttf');
    if (fs.existsSync(regular) && fs.existsSync(bold)) {
      result = { family: 'Liberation Sans', regular, bold };
      break;
    }
  }
  if (dirs === FONT_DIRS) found = result;
  return result;
}

/** The diagram as PNG at `scale` times its SVG size (2: sharp on screens and in print at its width). */
export function renderDiagramPng(svg: string, options: { scale?: number; fonts?: DiagramFonts | null } = {}): Uint8Array<ArrayBuffer> {
  const fonts = options.fonts === undefined ? findDiagramFonts() : options.fonts;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: fonts
      ? {
          loadSystemFonts: false,
          fontFiles: [fonts.regular, fonts.bold],
          defaultFontFamily: fonts.family,
          sansSerifFamily: fonts.family,
        }
      : { loadSystemFonts: true },
    logLevel: 'off',
  });
  return new Uint8Array(resvg.render().asPng());
}

/** Document properties of the PDF; a fixed `date` keeps the file the same from build to build. */
export interface DiagramPdfInfo {
  title: string;
  /** When the diagram's data last changed (the PDF's creation date). */
  date: Date;
  /** The address the diagram comes from. */
  subject?: string;
}

/** The diagram as a one-page vector PDF the size of the SVG (1 px = 0.75 pt), text embedded and selectable. */
export function renderDiagramPdf(
  svg: string,
  size: { width: number; height: number },
  info: DiagramPdfInfo,
  fonts: DiagramFonts | null = findDiagramFonts(),
): Promise<Uint8Array<ArrayBuffer>> {
  const width = size.width * 0.75;
  const height = size.height * 0.75;
  const doc = new PDFDocument({
    size: [width, height],
    margin: 0,
    autoFirstPage: true,
    info: {
      Title: info.title,
      Subject: info.subject ?? '',
      Creator: 'Rapport',
      Producer: 'PDFKit',
      CreationDate: info.date,
      ModDate: info.date,
    },
  });
  if (fonts) {
    doc.registerFont(fonts.family, fonts.regular);
    doc.registerFont(`${fonts.family}-Bold`, fonts.bold);
  }
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  SVGtoPDF(doc, svg, 0, 0, {
    width,
    height,
    assumePt: false,
    fontCallback: (_family: string, bold: boolean) =>
      fonts ? (bold ? `${fonts.family}-Bold` : fonts.family) : bold ? 'Helvetica-Bold' : 'Helvetica',
    warningCallback: () => {},
  });
  doc.end();
  return done;
}
