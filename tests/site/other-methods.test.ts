// The site built from the other-methods fixture (tests/fixtures/other-methods/content): a review
// that searched no database, its records found by citation searching and look-ups on websites
// (counted by hand in the review record's comment), and a meta-analysis kept as a study record.
// The diagram draws the other-methods arm alone and says why; the ledger, the CSV and the text
// alternative agree with it; the meta-analysis shows its pooled numbers and is not counted as a study.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readPrismaCsv } from '../../src/lib/prisma/csv';
import { buildSite, tempDir, type BuildResult } from '../helpers/build';
import { boxText, decode, ledger, svgOf, textOf } from '../helpers/built-html';

const fixture = path.resolve('tests/fixtures/other-methods/content');

describe('a review found by other methods only, and a meta-analysis record, built', () => {
  let site: BuildResult;
  let page: string;
  let svg: string;
  let records: string;
  const read = (p: string) => fs.readFileSync(path.join(site.outDir, p), 'utf8');
  beforeAll(() => {
    site = buildSite(fixture, tempDir('other-methods'));
    if (site.code !== 0) throw new Error(`the other-methods fixture did not build:\n${site.output}`);
    page = read('reviews/update-review/index.html');
    svg = svgOf(page);
    records = read('reviews/update-review/records/index.html');
    // Builds queue behind others under the build lock: allow for a busy machine.
  }, 600_000);
  afterAll(() => {
    if (site) fs.rmSync(site.outDir, { recursive: true, force: true });
  });

  test('builds without an error and shows no notice: the reported flow equals the derived one and closes', () => {
    expect(site.output).not.toMatch(/\[ERROR\]/);
    expect(page).not.toContain('id="flow-disagreements"');
    expect(page).not.toContain('id="flow-open-arms"');
    expect(page).not.toContain('id="tracking-problems"');
  });

  test.each([
    ['header-other', 'Identification of studies via other methods No database or register was searched'],
    ['other-identified', 'Records identified from: Websites (n = 2) Organisations (n = 0) Citation searching (n = 4)'],
    ['other-sought', 'Reports sought for retrieval (n = 5)'],
    ['other-not-retrieved', 'Reports not retrieved (n = 1)'],
    ['other-assessed', 'Reports assessed for eligibility (n = 4)'],
    ['other-excluded', 'Reports excluded: Not an empirical study (n = 1)'],
    ['included', 'Studies included in review (n = 3) Reports of included studies (n = 3)'],
  ])('the %s box shows the hand-counted text: %s', (box, text) => {
    expect(boxText(svg, box)).toBe(text);
  });

  test('draws no databases-and-registers arm: no such box, no zero counts from a search that never ran', () => {
    for (const box of ['header-main', 'identified', 'removed', 'screened', 'excluded-screening', 'sought', 'assessed'])
      expect(svg).not.toContain(`data-box="${box}"`);
    expect(svg).not.toContain('databases and registers');
  });

  test('the caption and the text alternative say that no database or register was searched', () => {
    const text = textOf(page);
    expect(text).toContain(
      'No database or register was searched: every record was identified by other methods, so the diagram has that arm only.',
    );
    expect(text).toContain(
      'No database or register was searched: every record was identified by other methods. Other methods: records identified from websites 2, organisations 0, citation searching 4; reports sought 5, not retrieved 1, assessed 4, excluded 1 (Not an empirical study: 1). Included: 3 studies (3 reports).',
    );
  });

  test('the review page lists how records were identified, each method with its date, and no table of searches', () => {
    const searches = page.slice(page.indexOf('id="searches"'), page.indexOf('id="flow"'));
    const text = textOf(searches);
    expect(text).toContain('No database or register was searched. Records were identified by the methods below only.');
    expect(text).not.toContain('No searches are recorded');
    expect(text).toContain(
      'Citation searching 2026-11-20 Reference lists of two later reviews were read for studies published from 2012 on. records/citations 4',
    );
    expect(text).toContain("Websites 2026-11-25 Targeted look-ups of known reports on their publishers' websites. records/lookups 2");
  });

  test('screening progress has no title-and-abstract stage: nothing was screened there', () => {
    expect(page).toContain('<tr data-stage="full-text">');
    expect(page).not.toContain('<tr data-stage="title-abstract">');
  });

  test('every box links to a ledger section that lists as many records as the box counts', () => {
    const hrefs = [...svg.matchAll(/<a href="([^"]+)"/g)].map((m) => decode(m[1] ?? ''));
    expect(hrefs).toEqual([
      '/reviews/update-review/records/#other-identified',
      '/reviews/update-review/records/#other-sought',
      '/reviews/update-review/records/#other-not-retrieved',
      '/reviews/update-review/records/#other-assessed',
      '/reviews/update-review/records/#other-excluded',
      '/reviews/update-review/#included',
    ]);
    const sections = ledger(records);
    expect([...sections.keys()]).toEqual([
      'other-identified',
      'other-sought',
      'other-not-retrieved',
      'other-assessed',
      'other-excluded',
      'included-reports',
      'open',
    ]);
    expect(Object.fromEntries([...sections].map(([id, s]) => [id, [s.count, s.rows.length]]))).toEqual({
      'other-identified': [6, 6],
      'other-sought': [5, 5],
      'other-not-retrieved': [1, 1],
      'other-assessed': [4, 4],
      'other-excluded': [1, 1],
      'included-reports': [3, 3],
      open: [0, 0],
    });
  });

  test('the ledger says how and when each file of records was found, and links a record found twice to the first', () => {
    const identified = ledger(records).get('other-identified')!;
    const text = textOf(identified.html);
    expect(text).toContain('Citation searching, 2026-11-20 (reviews/update-review/records/citations.ris): 4 records.');
    expect(text).toContain('Websites, 2026-11-25 (reviews/update-review/records/lookups.ris): 2 records.');
    expect(identified.rows.map(textOf).at(-1)).toBe(
      '10.5555/om.1 Demo trial of videoconference therapy and the alliance Primus 2015 duplicate of 10.5555/om.1, found earlier',
    );
    const anchors = [
      ...ledger(records)
        .get('other-sought')!
        .html.matchAll(/<tr id="([^"]+)"/g),
    ].map((m) => m[1]);
    expect(anchors).toHaveLength(5);
    for (const href of identified.html.matchAll(/href="#([^"]+)"/g)) expect(anchors).toContain(href[1]);
  });

  test('prisma.csv writes the other-methods arm and 0, not blanks, for the databases arm that was not searched', () => {
    const { flow, problems } = readPrismaCsv(read('reviews/update-review/prisma.csv'), [
      { id: 'not-empirical', label: 'Not an empirical study' },
    ]);
    expect(problems).toEqual([]);
    expect(flow.other_methods).toEqual({
      identified: { websites: 2, organisations: 0, citations: 4 },
      sought: 5,
      not_retrieved: 1,
      assessed: 4,
      excluded: { 'not-empirical': 1 },
    });
    expect([flow.identified.databases, flow.screened, flow.sought, flow.assessed]).toEqual([0, 0, 0, 0]);
    expect([flow.included_studies, flow.included_reports]).toEqual([3, 3]);
  });

  test('the meta-analysis page shows its search date, studies included and pooled estimate with CI, k, I² and p', () => {
    const meta = read('studies/demo-quartus-2019/index.html');
    const block = textOf(meta.match(/<section class="study-synthesis"[\s\S]*?<\/section>/)?.[0] ?? '');
    expect(block).toContain('Searches up to: June 2018');
    expect(block).toContain('Studies included: 12');
    expect(block).toContain(
      'Working alliance, videoconference vs face to face (client-rated) Negative values favour face to face (fictional). SMD −0.30 −0.67 to 0.07 4 not reported 45% 0.11',
    );
    expect(block).toContain('Included studies kept here Primus (2015)');
    expect(meta).toContain('href="/studies/demo-primus-2015/"');
  });

  test('a primary study the meta-analysis pooled links back to it; a primary study has no synthesis block', () => {
    const primary = read('studies/demo-primus-2015/index.html');
    expect(textOf(primary)).toContain('Also included by this review of studies kept here: Quartus (2019).');
    expect(primary).not.toContain('class="study-synthesis"');
  });

  test('the synthesis page lists the meta-analysis apart, with its period and pooled numbers', () => {
    const synthesis = read('synthesis/index.html');
    const rows = textOf(synthesis.match(/<section aria-labelledby="review-findings"[\s\S]*?<\/section>/)?.[0] ?? '');
    expect(rows).toContain(
      'Quartus (2019) (meta-analysis) June 2018 12 Working alliance, videoconference vs face to face (client-rated) SMD −0.30 (−0.67 to 0.07) 4 45% 0.11',
    );
    expect(textOf(synthesis)).toContain('Charts drawn from the 2 studies in the evidence');
  });

  test('the home page counts the two primary studies and their participants, not the meta-analysis', () => {
    const home = textOf(read('index.html'));
    expect(home).toContain('2 studies in the evidence');
    expect(home).toContain('100 participants');
  });
});
