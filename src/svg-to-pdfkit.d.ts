// Types for svg-to-pdfkit 0.1 (it ships none): the options src/loaders/diagram-images.ts uses.
declare module 'svg-to-pdfkit' {
  interface SvgToPdfOptions {
    /** Width and height of the drawing in points. */
    width?: number;
    height?: number;
    /** Treat SVG units as points instead of px (1 px = 0.75 pt). */
    assumePt?: boolean;
    preserveAspectRatio?: string;
    /** The registered PDFKit font for an SVG font-family and weight. */
    fontCallback?: (family: string, bold: boolean, italic: boolean, options: Record<string, unknown>) => string;
    warningCallback?: (message: string) => void;
  }
  /** Draws `svg` into `doc` at (x, y). */
  export default function SVGtoPDF(doc: PDFKit.PDFDocument, svg: string, x: number, y: number, options?: SvgToPdfOptions): void;
}
