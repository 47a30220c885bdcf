// The built site's files for other tools (built once by tests/setup/build-site.ts): the study
// exports re-import with the project's own importer to the records they came from; studies.json
// says which release it is and under which licence; one study's and one review's files; the flow
// diagram as PNG and PDF; prisma.csv in the PRISMA2020 v1.1.4 template (tests/fixtures/prisma2020).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv';
import { describe, expect, inject, test } from 'vitest';
import { parseBibliography, type BibFormat } from '../../src/lib/bibliography';
import { studyCsvColumns } from '../../src/lib/exports';
import { citationFromRecord } from '../../src/lib/import/citation';
import { readPrismaCsv } from '../../src/lib/prisma/csv';
import { parseCsvText } from '../../src/lib/prisma/csv-text';
import { includedIn } from '../../src/lib/summary';
import { loadContent } from '../../src/loaders/content';
import { renderDiagramPng } from '../../src/loaders/diagram-images';
import { darkPixels, decodePng, PNG_SIGNATURE } from '../helpers/png';

const dist = inject('siteDir');
const read = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');
const content = loadContent('content');
const studies = content.studies.map((s) => s.data);
const reviews = content.reviews.map((r) => r.data);
const pkg = JSON.parse(fs.readFileSync(fileURLToPath(new URL('../../package.json', import.meta.url)), 'utf8')) as { version: string };

const FIELDS = ['title', 'authors', 'year', 'journal', 'volume', 'issue', 'pages', 'doi', 'pmid'] as const;
/** The fields compared; a DOI in lower case, since DOIs are case-insensitive and the importer keys them so. */
const citationOf = (s: Partial<Record<(typeof FIELDS)[number], unknown>>) =>
  Object.fromEntries(
    FIELDS.map((f) => [f, f === 'doi' && typeof s[f] === 'string' ? s[f].toLowerCase() : s[f]]).filter(([, v]) => v !== undefined),
  );

/** The citation fields of each record in an export, read as `npm run import` reads it. */
function reimport(text: string, format: BibFormat) {
  const parsed = parseBibliography(text, format, 'export');
  expect(parsed.problems).toEqual([]);
  return parsed.records.map((record) => {
    const result = citationFromRecord(record);
    if (!result.ok) throw new Error(`${record.title}: ${result.reason}`);
    return citationOf(result.citation);
  });
}

const byId = new Map(studies.map((s) => [s.id, s]));
/** The studies in the order the site exports them (as /data/studies.json lists them). */
const exported = (JSON.parse(read('data/studies.json')) as { studies: { id: string }[] }).studies.map((s) => byId.get(s.id)!);

describe.each([
  ['data/studies.ris', 'ris'],
  ['data/studies.bib', 'bibtex'],
  ['data/studies.csl.json', 'csl-json'],
] as const)('%s', (file, format) => {
  test('re-imports with the project importer to the same records, in order (title, authors, year, journal, volume, issue, pages, DOI, PMID)', () => {
    expect(reimport(read(file), format)).toEqual(exported.map(citationOf));
  });
});

describe('data/studies.csl.json', () => {
  const items = JSON.parse(read('data/studies.csl.json')) as { id: string; type: string; PMID?: string }[];

  test('is a CSL-JSON array, one article-journal item per study, ids = record ids', () => {
    expect(items.map((i) => i.id)).toEqual(exported.map((s) => s.id));
    expect(new Set(items.map((i) => i.type))).toEqual(new Set(['article-journal']));
  });
});

describe('data/studies.json', () => {
  const dataset = JSON.parse(read('data/studies.json')) as Record<string, unknown> & { studies: { id: string }[] };

  test("carries the release (package.json's version, with the commit), the data licence and its record schema", () => {
    expect(dataset['version']).toMatch(new RegExp(`^${pkg.version.replace(/\./g, '\\.')}(\\+[0-9a-f]{7,12}(-dirty)?)?$`));
    if (dataset['commit']) expect(dataset['version']).toBe(`${pkg.version}+${String(dataset['commit'])}`);
    expect(dataset['licence']).toEqual({ name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' });
    expect(dataset['schema']).toMatch(/^https?:\/\/[^/]+\/(.*\/)?schemas\/study\.schema\.json$/);
    expect(fs.existsSync(path.join(dist, 'schemas/study.schema.json'))).toBe(true);
  });

  test('each record under `studies` is valid against the schema it names', () => {
    const schema = JSON.parse(read('schemas/study.schema.json')) as object;
    const validate = new Ajv({ allErrors: true, strict: false, formats: { uri: true } }).compile(schema);
    // The id is read first: ajv's validate() is a type guard, which leaves `s` as never when it fails.
    const faults = dataset.studies.flatMap((s: { id: string }) => {
      const id = s.id;
      return validate(s) ? [] : [`${id}: ${JSON.stringify(validate.errors)}`];
    });
    expect(faults).toEqual([]);
  });

  test('holds every record under `studies`', () => {
    expect(dataset.studies.map((s) => s.id).sort()).toEqual(studies.map((s) => s.id).sort());
    expect(dataset['count']).toBe(studies.length);
  });
});

describe('one study’s files', () => {
  const wholeBib = read('data/studies.bib');

  test.each(studies.map((s) => [s.id]))(
    '%s has cite.bib, cite.ris and cite.csl.json, each its one record, the key as in studies.bib',
    (id) => {
      const study = byId.get(id)!;
      const bib = read(`studies/${id}/cite.bib`);
      expect(reimport(bib, 'bibtex')).toEqual([citationOf(study)]);
      expect(reimport(read(`studies/${id}/cite.ris`), 'ris')).toEqual([citationOf(study)]);
      expect(reimport(read(`studies/${id}/cite.csl.json`), 'csl-json')).toEqual([citationOf(study)]);
      const key = /^@article\{([^,]+),/m.exec(bib)?.[1];
      expect(wholeBib).toContain(`@article{${key},`);
    },
  );

  test('the study page links to them from its download / cite block', () => {
    const html = read('studies/cook-2002/index.html');
    const block = html.match(/<section[^>]*data-study-downloads[\s\S]*?<\/section>/)?.[0] ?? '';
    for (const file of ['cite.bib', 'cite.ris', 'cite.csl.json']) expect(block).toContain(`href="/studies/cook-2002/${file}"`);
    expect(block).toContain('href="/data/studies.csl.json"');
    expect(block).toContain('id="cite-study"');
  });
});

describe.each(reviews.map((r) => [r.id]))('the studies review %s includes', (id) => {
  const included = includedIn(id, exported);

  test('are in studies.bib, .ris, .csl.json and .csv, and no other study is', () => {
    expect(included.length).toBeGreaterThan(0);
    for (const [ext, format] of [
      ['bib', 'bibtex'],
      ['ris', 'ris'],
      ['csl.json', 'csl-json'],
    ] as const)
      expect(reimport(read(`reviews/${id}/studies.${ext}`), format)).toEqual(included.map(citationOf));
    const csv = parseCsvText(read(`reviews/${id}/studies.csv`)).rows;
    expect(csv[0]?.fields).toEqual([...studyCsvColumns]);
    expect(csv.slice(1).map((r) => r.fields[0])).toEqual(included.map((s) => s.id));
  });

  test('are linked from the review page, beside the diagram’s SVG, PNG, PDF and CSV', () => {
    const html = read(`reviews/${id}/index.html`);
    for (const file of [
      'studies.bib',
      'studies.ris',
      'studies.csl.json',
      'studies.csv',
      'prisma.svg',
      'prisma.png',
      'prisma.pdf',
      'prisma.csv',
    ])
      expect(html).toContain(`href="/reviews/${id}/${file}"`);
  });
});

describe('the data page', () => {
  const html = read('data/index.html');

  test('describes every column of studies.csv, in order', () => {
    const columns = [...html.matchAll(/<tr id="column-([a-z_]+)">/g)].map((m) => m[1]);
    expect(columns).toEqual([...studyCsvColumns]);
    expect(read('data/studies.csv').split('\r\n')[0]).toBe(studyCsvColumns.join(','));
  });

  test('links every study export', () => {
    for (const file of ['studies.json', 'studies.csv', 'studies.bib', 'studies.ris', 'studies.csl.json'])
      expect(html).toContain(`href="/data/${file}"`);
  });
});

describe.each(reviews.map((r) => [r.id]))('the flow diagram of %s as PNG and PDF', (id) => {
  const svg = read(`reviews/${id}/prisma.svg`);
  const [width, height] = (/viewBox="0 0 ([\d.]+) ([\d.]+)"/.exec(svg) ?? []).slice(1).map(Number);

  test('prisma.png is a PNG twice the size of prisma.svg, with its text drawn', () => {
    const bytes = fs.readFileSync(path.join(dist, `reviews/${id}/prisma.png`));
    expect([...bytes.subarray(0, 8)]).toEqual([...PNG_SIGNATURE]);
    const png = decodePng(bytes);
    expect([png.width, png.height]).toEqual([Math.round(width! * 2), Math.round(height! * 2)]);
    // The same drawing without its text has far less ink: the labels were drawn with a font.
    const boxesOnly = darkPixels(decodePng(renderDiagramPng(svg.replace(/<text[\s\S]*?<\/text>/g, ''), { scale: 2 })));
    expect(darkPixels(png)).toBeGreaterThan(boxesOnly * 1.5);
  });

  test('prisma.pdf is one page the size of prisma.svg, with Liberation Sans embedded', () => {
    const pdf = fs.readFileSync(path.join(dist, `reviews/${id}/prisma.pdf`)).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf.match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect(pdf).toContain(`/MediaBox [0 0 ${width! * 0.75} ${height! * 0.75}]`);
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+LiberationSans\b/);
  });
});

describe.each(reviews.map((r) => [r.id]))('reviews/%s/prisma.csv', (id) => {
  const template = parseCsvText(fs.readFileSync(fileURLToPath(new URL('../fixtures/prisma2020/PRISMA.csv', import.meta.url)), 'utf8')).rows;
  const csv = read(`reviews/${id}/prisma.csv`);
  const rows = parseCsvText(csv).rows;

  test("has the PRISMA2020 v1.1.4 template's data rows in its order, meta-analysis rows included, blank", () => {
    expect(rows.map((r) => r.fields[0])).toEqual(template.map((r) => r.fields[0]));
    expect(rows.map((r) => r.fields.length)).toEqual(template.map(() => 8));
    for (const data of ['total_studies_ma', 'total_reports_ma']) expect(rows.find((r) => r.fields[0] === data)?.fields[7]).toBe('');
  });

  test('reads back with the project reader without a problem (the flow itself: review.test.ts, tracked.test.ts)', () => {
    const review = reviews.find((r) => r.id === id)!;
    expect(readPrismaCsv(csv, review.exclusion_reasons).problems).toEqual([]);
  });
});
