// The site built from the tracked fixture review (tests/fixtures/tracked/content): the diagram
// draws the flow derived from its records and votes (worked out by hand in
// tests/lib/prisma/fixture.test.ts), the page shows screening progress and the versions of the
// living review, and the records ledger holds the records behind every box.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPrismaCsv, PRISMA_CSV_HEADER } from '../../src/lib/prisma/csv';
import { reviewSchema } from '../../src/schemas';
import { axeViolations, chromiumPath, launchBrowser } from '../helpers/browser';
import { buildSite, tempDir, type BuildResult } from '../helpers/build';
import { bodyRows, boxText, decode, ledger, svgOf, textOf } from '../helpers/built-html';
import { serveStatic } from '../helpers/serve';

const fixture = path.resolve('tests/fixtures/tracked/content');
const review = reviewSchema.parse(yaml.load(fs.readFileSync(path.join(fixture, 'reviews/demo-review.yaml'), 'utf8')));

const builds: BuildResult[] = [];
function build(content: string, name: string): BuildResult {
  const result = buildSite(content, tempDir(name));
  builds.push(result);
  return result;
}
afterAll(() => {
  for (const b of builds) fs.rmSync(b.outDir, { recursive: true, force: true });
});

describe('the tracked fixture review, built', () => {
  let site: BuildResult;
  let page: string;
  let svg: string;
  let records: string;
  const read = (p: string) => fs.readFileSync(path.join(site.outDir, p), 'utf8');
  beforeAll(() => {
    site = build(fixture, 'tracked');
    if (site.code !== 0) throw new Error(`the tracked fixture did not build:\n${site.output}`);
    page = read('reviews/demo-review/index.html');
    svg = svgOf(page);
    records = read('reviews/demo-review/records/index.html');
  });

  test('builds without an error', () => {
    expect(site.output).not.toMatch(/\[ERROR\]/);
  });

  test('draws the derived flow and says so', () => {
    expect(svg).toContain('<title id="prisma-svg-title">PRISMA 2020 flow diagram, derived from the tracked records</title>');
    expect(page).toContain('Derived from the 32 records in the review’s search files and the 77 votes in its screening log');
  });

  test.each([
    ['identified', 'Records identified from: Databases (n = 32) – PubMed (n = 18) – PsycINFO (n = 14) Registers (n = 0)'],
    [
      'removed',
      'Records removed before screening: Duplicate records removed (n = 7) Records marked as ineligible by automation tools (n = 0) Records removed for other reasons (n = 0)',
    ],
    ['screened', 'Records screened (n = 25)'],
    ['excluded-screening', 'Records excluded (n = 15)'],
    ['sought', 'Reports sought for retrieval (n = 10)'],
    ['not-retrieved', 'Reports not retrieved (n = 1)'],
    ['assessed', 'Reports assessed for eligibility (n = 9)'],
    ['included', 'Studies included in review (n = 4) Reports of included studies (n = 5)'],
  ])('the %s box shows the hand-worked count: %s', (box, text) => {
    expect(boxText(svg, box)).toBe(text);
  });

  test('the full-text exclusions box lists each reason with its count, the label escaped', () => {
    expect(boxText(svg, 'excluded-full-text')).toBe(
      'Reports excluded: Not delivered as e-therapy (n = 1) No measure of the alliance (n = 2) Not an empirical study (essays & "opinion" pieces, <no data>) (n = 1)',
    );
    expect(svg).toContain('&amp; &quot;opinion&quot;');
    expect(page).not.toContain('<no data>');
    expect(records).not.toContain('<no data>');
  });

  test('shows no notice when the reported flow equals the derived one', () => {
    expect(page).not.toContain('id="flow-disagreements"');
    expect(page).not.toContain('id="flow-open-arms"');
    expect(page).not.toContain('id="tracking-problems"');
  });

  test('shows screening progress: votes, records awaiting votes, open conflicts', () => {
    const progress = textOf(page.slice(page.indexOf('id="screening"'), page.indexOf('id="versions"')));
    expect(progress).toContain('77 votes cast');
    expect(progress).toContain('0 records awaiting votes');
    expect(progress).toContain('0 conflicts open');
    expect(progress).toContain('No conflict is open');
  });

  test.each([
    ['title-abstract', 'Title and abstract 25 25 0 0 alice, ben 0.75 25 records 88%'],
    ['full-text', 'Full text 10 10 0 0 alice, ben 0.57 9 records 78%'],
  ])("gives Cohen's kappa at %s with the number of records it rests on", (stage, row) => {
    expect(textOf(page.match(new RegExp(`<tr data-stage="${stage}">[\\s\\S]*?</tr>`))?.[0] ?? '')).toBe(row);
    expect(page).toContain('What kappa means.');
  });

  test('every box link of the diagram points at an id that exists', () => {
    const hrefs = [...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => decode(m[1] ?? ''));
    expect(hrefs).toEqual([
      '/reviews/demo-review/records/#identified',
      '/reviews/demo-review/records/#duplicates',
      '/reviews/demo-review/records/#screened',
      '/reviews/demo-review/records/#excluded-screening',
      '/reviews/demo-review/records/#sought',
      '/reviews/demo-review/records/#not-retrieved',
      '/reviews/demo-review/records/#assessed',
      '/reviews/demo-review/records/#excluded-full-text',
      '/reviews/demo-review/#included',
    ]);
    for (const href of hrefs) {
      const [pathname = '', id] = href.split('#');
      expect(read(path.join(pathname, 'index.html')), href).toContain(`id="${id}"`);
    }
  });

  test('the ledger has one section per box, with as many records as the box counts', () => {
    const sections = ledger(records);
    expect([...sections].map(([id, s]) => [id, s.count, s.rows.length])).toEqual([
      ['identified', 32, 32],
      ['duplicates', 7, 7],
      ['screened', 25, 25],
      ['excluded-screening', 15, 15],
      ['sought', 10, 10],
      ['not-retrieved', 1, 1],
      ['assessed', 9, 9],
      ['excluded-full-text', 4, 4],
      ['included-reports', 5, 5],
      ['open', 0, 0],
    ]);
    expect(records).toContain('id="identified-psycinfo"');
    expect(records).toContain('id="identified-pubmed"');
  });

  test('every link inside the ledger points at a row or section on it', () => {
    const ids = new Set([...records.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    const anchors = [...records.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
    expect(anchors.length).toBeGreaterThan(60);
    expect(anchors.filter((a) => !ids.has(a))).toEqual([]);
  });

  test('the ledger says which record each duplicate duplicates, and by which rule', () => {
    const rows = ledger(records).get('duplicates')?.rows.map(textOf) ?? [];
    expect(rows).toContain(
      'pmid:39990106 PubMed Demo pilot of e-mail therapy: alliance ratings. 10.5555/demo.106 (PsycINFO) same title, year and first author',
    );
    expect(rows).toContain(
      'pmid:39990105 PubMed Demo chat counselling and the alliance: outcomes at six weeks. pmid:39990105 (PsycINFO) same PubMed ID',
    );
    expect(rows.filter((r) => r.endsWith('same DOI'))).toHaveLength(4);
  });

  test('the ledger gives each full-text exclusion its reason, and each included report its study page', () => {
    const excluded = ledger(records).get('excluded-full-text')?.rows.map(textOf) ?? [];
    expect(excluded.map((r) => r.split(' ')[0])).toEqual(['10.5555/demo.122', '10.5555/demo.104', '10.5555/demo.112', 'pmid:39990123']);
    expect(excluded[0]).toContain('Not delivered as e-therapy');
    expect(excluded[3]).toContain('Not an empirical study (essays & "opinion" pieces, <no data>)');
    const included = ledger(records).get('included-reports');
    const studies = [...(included?.html ?? '').matchAll(/href="\/studies\/([^/]+)\/"/g)].map((m) => m[1]);
    expect(studies.sort()).toEqual([
      'demo-example-2008',
      'demo-placeholder-2010',
      'demo-placeholder-2010',
      'demo-sample-2009',
      'demo-testa-2012',
    ]);
    for (const study of new Set(studies)) expect(fs.existsSync(path.join(site.outDir, 'studies', study ?? '', 'index.html'))).toBe(true);
  });

  test('shows each version of the living review side by side, the current version last, and what changed', () => {
    const table = page.match(/<table class="versions-table">[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(textOf(table.match(/<thead>[\s\S]*?<\/thead>/)?.[0] ?? '')).toBe('Box Version 1 2023-06-01 Version 2 (current)');
    const rows = bodyRows(table).map(textOf);
    expect(rows).toContain('Records screened 16 25');
    expect(rows).toContain('Studies included in review 3 4');
    expect(rows).toContain('Reports excluded: Not an empirical study (essays & "opinion" pieces, <no data>) 0 1');
    expect(textOf(page)).toContain('Version 1 (2023-06-01): First version. PubMed and PsycINFO searched to May 2023');
  });

  test('prisma.svg is a standalone SVG of the derived flow whose boxes link to absolute addresses', () => {
    const file = read('reviews/demo-review/prisma.svg');
    expect(file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(boxText(file, 'screened')).toBe('Records screened (n = 25)');
    expect(file).toContain('href="http://localhost:4321/reviews/demo-review/records/#screened"');
    expect(file).not.toContain('<no data>');
  });

  test('prisma.csv holds the reported flow, reads back into it, and links rows to the ledger', () => {
    const csv = read('reviews/demo-review/prisma.csv');
    expect(csv.split('\n')[0]).toBe(PRISMA_CSV_HEADER);
    expect(readPrismaCsv(csv, review.exclusion_reasons)).toEqual({ flow: review.flow, problems: [] });
    expect(csv).toMatch(/^records_screened,.*,http:\/\/localhost:4321\/reviews\/demo-review\/records\/#screened,25$/m);
  });

  describe.skipIf(!chromiumPath)('the tracked review pages in Chromium (axe-core, WCAG 2.2 AA)', () => {
    test.each(['/reviews/demo-review/', '/reviews/demo-review/records/'])('%s has no violations', async (pagePath) => {
      const server = await serveStatic(site.outDir);
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.goto(`${server.origin}${pagePath}`, { waitUntil: 'networkidle' });
        const violations = await axeViolations(page);
        expect(
          violations.map(
            (v) =>
              `${v.id} (${v.impact}): ${v.help} at ${v.nodes
                .map((n) => n.target.join(' '))
                .slice(0, 3)
                .join(', ')}`,
          ),
        ).toEqual([]);
      } finally {
        await browser.close();
        await server.close();
      }
    });
  });
});

describe('a tracked review whose screening is under way and whose reported counts disagree', () => {
  let page: string;
  beforeAll(() => {
    // The fixture without the consensus vote that settled pmid:39990123 at title-abstract.
    const content = tempDir('tracked-open');
    fs.cpSync(fixture, content, { recursive: true });
    const log = path.join(content, 'reviews/demo-review/screening.csv');
    fs.writeFileSync(log, fs.readFileSync(log, 'utf8').replace(/^pmid:39990123,title-abstract,consensus,include,,2024-02-05\n/m, ''));
    const site = build(content, 'tracked-open');
    if (site.code !== 0) throw new Error(`the modified fixture did not build:\n${site.output}`);
    page = fs.readFileSync(path.join(site.outDir, 'reviews/demo-review/index.html'), 'utf8');
  });

  test('lists every box where the reported flow and the derived one disagree', () => {
    const notice = textOf(page.match(/<div class="notice" role="note" id="flow-disagreements">[\s\S]*?<\/div>/)?.[0] ?? '');
    expect(notice).toContain('The reported counts disagree with the tracked records.');
    expect(notice).toContain('sought: reported 10, derived 9');
    expect(notice).toContain('assessed: reported 9, derived 8');
    expect(notice).toContain('excluded_full_text.not-empirical: reported 1, derived 0');
  });

  test('says the derived flow does not close yet, and names the open conflict', () => {
    expect(textOf(page)).toContain('The numbers do not add up yet.');
    expect(textOf(page)).toContain('sought (9) should equal screened (25) minus excluded at screening (15) = 10');
    expect(textOf(page)).toContain('1 conflict open');
    expect(page).toMatch(
      /Open conflicts, each waiting for a consensus vote: <a href="\/reviews\/demo-review\/records\/#open"><code>pmid:39990123<\/code><\/a> \(title and abstract\)/,
    );
  });

  test('reports the screening-log fault the open record causes', () => {
    expect(textOf(page)).toContain('"pmid:39990123" has full-text votes but was not included at title-abstract screening (it is conflict)');
  });

  test('still draws the derived counts', () => {
    expect(boxText(svgOf(page), 'sought')).toBe('Reports sought for retrieval (n = 9)');
  });
});
