// The flow diagram as PNG and PDF, from the SVG the site publishes, without a browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { layoutPrismaFlow } from '../../src/lib/prisma/layout';
import { renderPrismaSvg } from '../../src/lib/prisma/svg';
import { findDiagramFonts, renderDiagramPdf, renderDiagramPng } from '../../src/loaders/diagram-images';
import { makeFlow } from '../helpers/factories';
import { darkPixels, decodePng, PNG_SIGNATURE } from '../helpers/png';

const spec = layoutPrismaFlow(makeFlow({ previous: { studies: 3, reports: 4 } }));
const svg = renderPrismaSvg(spec, { standalone: true });
const withoutText = svg.replace(/<text[\s\S]*?<\/text>/g, '');
const fonts = findDiagramFonts();
const date = new Date('2026-01-02T00:00:00Z');

describe('findDiagramFonts', () => {
  test('finds Liberation Sans, regular and bold (Debian fonts-liberation2, installed by .ci/run)', () => {
    expect(fonts).not.toBeNull();
    expect(fonts?.family).toBe('Liberation Sans');
    expect(fs.existsSync(fonts!.regular) && fs.existsSync(fonts!.bold)).toBe(true);
  });

  test('gives null for folders without the font, so the images fall back to the system fonts', () => {
    expect(findDiagramFonts([fs.mkdtempSync(path.join(os.tmpdir(), 'no-fonts-'))])).toBeNull();
  });
});

describe('renderDiagramPng', () => {
  const png = renderDiagramPng(svg, { scale: 2 });
  const decoded = decodePng(png);

  test('writes a PNG twice the size of the SVG', () => {
    expect([...png.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    expect([decoded.width, decoded.height]).toEqual([Math.round(spec.width * 2), Math.round(spec.height * 2)]);
  });

  test('draws the text, not only the boxes: the labels add as much ink again', () => {
    const boxesOnly = darkPixels(decodePng(renderDiagramPng(withoutText, { scale: 2 })));
    expect(boxesOnly).toBeGreaterThan(1000);
    expect(darkPixels(decoded)).toBeGreaterThan(boxesOnly * 1.5);
  });

  test('is the same from run to run', () => {
    expect(Buffer.from(renderDiagramPng(svg, { scale: 2 })).equals(Buffer.from(png))).toBe(true);
  });
});

describe('renderDiagramPdf', () => {
  test('writes a one-page PDF the size of the SVG in points, with the font embedded', async () => {
    const pdf = Buffer.from(await renderDiagramPdf(svg, spec, { title: 'PRISMA 2020 flow diagram', date }));
    const text = pdf.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
    expect(text.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(text).toMatch(/\/Count 1\b/);
    expect(text).toContain(`/MediaBox [0 0 ${spec.width * 0.75} ${spec.height * 0.75}]`);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans\b/);
    expect(text).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans-Bold\b/);
    expect(text).toContain('/FontFile2');
  });

  test('keeps the boxes linked and the title in the document properties', async () => {
    const linked = renderPrismaSvg(layoutPrismaFlow(makeFlow()), { standalone: true })
      .replace('<text', '<a href="https://example.org/x"><text')
      .replace('</text>', '</text></a>');
    const text = Buffer.from(await renderDiagramPdf(linked, spec, { title: 'A title', date })).toString('latin1');
    expect(text).toContain('/URI (https://example.org/x)');
    expect(text).toMatch(/\/Title \d+ 0 R/);
    expect(text).toContain('(A title)');
    expect(text).toContain('(D:20260102000000Z)');
  });

  test('is the same for the same date, so a rebuild does not change the file', async () => {
    const a = await renderDiagramPdf(svg, spec, { title: 't', date });
    const b = await renderDiagramPdf(svg, spec, { title: 't', date });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
