// The site says only what the records support (issue 9): "not reported" is not "not compared",
// only included studies are evidence, shared samples are counted once, the evidence says how old
// it is, and a guide is flagged when a record it cites changes, whatever its hand-written date.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { loadContent } from '../../src/loaders/content';
import { deriveSummary } from '../../src/lib/summary';
import { buildSite, tempDir } from '../helpers/build';

const dist = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');
const content = loadContent('content');
const studies = content.studies.map((s) => s.data);

const parse = (dir: string, p: string): Root => fromHtml(fs.readFileSync(path.join(dir, p), 'utf8'));
function all(node: Root | Element, match: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element) => {
    for (const child of n.children) if (child.type === 'element') (match(child) && out.push(child), walk(child));
  };
  walk(node);
  return out;
}
const text = (e: Element | Root) =>
  toText(e as Element)
    .replace(/\s+/g, ' ')
    .trim();
const byAttr = (name: string) => (e: Element) => e.properties[name] !== undefined;
const byClass = (name: string) => (e: Element) => ([] as unknown[]).concat(e.properties['className'] ?? []).includes(name);
/** The home page's headline figures, as a reader sees them. */
const headline = (dir: string) => all(parse(dir, 'index.html'), byClass('stats')).map(text);
/** The numbers table of a chart, as text. */
const chartTable = (dir: string, p: string) => all(parse(dir, p), (e) => e.tagName === 'table').map(text);

/** A copy of the real content in a fresh folder under .builds/. */
function copyContent(prefix: string): string {
  const dir = tempDir(prefix);
  fs.cpSync(path.join(root, 'content'), dir, { recursive: true });
  return dir;
}

describe('"not reported" is not "not compared"', () => {
  test('no study with a face-to-face arm reads "Not compared"', () => {
    const withArm = studies.filter((s) => s.comparator === 'face-to-face');
    expect(withArm.length).toBeGreaterThan(0);
    for (const s of withArm) {
      const dd = all(parse(dist, `studies/${s.id}/index.html`), (e) => e.tagName === 'dt' && text(e) === 'Compared with face-to-face')[0];
      expect(dd, s.id).toBeDefined();
      expect(text(parse(dist, `studies/${s.id}/index.html`)), s.id).not.toMatch(/Compared with face-to-face\s*Not compared/);
    }
  });

  test('a result the sources do not give is shown as "Not reported", marked as not a finding', () => {
    const page = text(parse(dist, 'studies/ertelt-2011/index.html'));
    expect(page).toContain('Compared with face-to-face Not reported (the sources read do not say; not a finding)');
  });

  test('the home page counts every study that compared with face to face, and says for how many the result is reported', () => {
    const s = deriveSummary(studies);
    // Worked by hand from the records. The 2012 review's: Cook, Day, Germain and Reynolds 2006 report a
    // result; Bouchard 2004, Ertelt 2011 and Morgan 2008 had a face-to-face arm whose alliance result
    // the sources do not give. The update's primary studies: Anderson 2012, Stubbings 2013, Reynolds
    // 2013, Bouchard 2020, Mercadal Rotger 2022 and Preschl 2011 report one; Gerton 2023 and Bouchard
    // 2022 do not. Its ten reviews and meta-analyses are not studies and are not counted.
    expect([s.comparedWithFaceToFace, s.comparisonResultReported]).toEqual([15, 10]);
    expect(headline(dist).join(' ')).toContain(
      '15 studies compared the alliance with face-to-face therapy; the result is reported for 10 of them',
    );
  });

  test('the home page says how many of the studies still have unconfirmed facts, and that the reviews are not among them', () => {
    // Every one of the 21 primary studies has a field listed in provenance.unverified_fields (or was
    // checked against less than the full text), so all 21 count; the 10 reviews are counted apart.
    const unconfirmed = studies.filter(
      (s) =>
        !['systematic-review', 'meta-analysis'].includes(s.design) &&
        (s.provenance.unverified_fields.length > 0 || s.provenance.verification !== 'full-text'),
    );
    expect(unconfirmed).toHaveLength(21);
    expect(headline(dist).join(' ')).toContain(
      '21 of the 21 studies still have unconfirmed facts (the reviews and meta-analyses, counted apart below, are not among them)',
    );
  });

  test('the reviews and meta-analyses are said to be shown apart, with a link to where: the synthesis page, or below on it', () => {
    const combined = (p: string) => all(parse(dist, p), (e) => e.properties?.['dataCombined'] !== undefined)[0]!;
    const link = (p: string) => all(combined(p), (e) => e.tagName === 'a')[0]?.properties?.['href'];
    expect(text(combined('index.html'))).toMatch(
      /and 10 reviews and meta-analyses, shown apart as review-level findings on the synthesis page and never counted as studies\.$/,
    );
    expect(link('index.html')).toBe('/synthesis/#review-findings');
    expect(text(combined('synthesis/index.html'))).toMatch(/shown apart as review-level findings below and never counted as studies\.$/);
    expect(link('synthesis/index.html')).toBe('#review-findings');
    expect(all(parse(dist, 'synthesis/index.html'), (e) => e.properties?.['id'] === 'review-findings')).toHaveLength(1);
  });

  test('the evidence map shows "Not reported" as its own grey column, apart from the findings', () => {
    const table = chartTable(dist, 'index.html').find((t) => t.includes('by modality: number of studies')) ?? '';
    expect(table).toMatch(/Not compared Not reported Studies/);
    expect(fs.readFileSync(path.join(dist, 'index.html'), 'utf8')).toMatch(/stroke-dasharray="4 3"/);
  });
});

describe('the evidence period', () => {
  test.each([
    ['index.html'],
    ['synthesis/index.html'],
    ['reviews/sucala-2012/index.html'],
    ...fs
      .readdirSync(path.join(root, 'content/guides'))
      .filter((f) => f !== 'glossary.mdx')
      .map((f) => [`guides/${f.replace(/\.mdx$/, '')}/index.html`]),
  ])('%s says the evidence comes from searches up to August 2011', (p) => {
    const coverage = all(parse(dist, p), byAttr('dataCoverage')).map(text).join(' ');
    expect(coverage).toContain('searches up to August 2011');
  });

  test('a guide states the period next to the date it was last reviewed', () => {
    const reviewed = all(parse(dist, 'guides/what-the-evidence-says/index.html'), byClass('guide-reviewed')).map(text)[0];
    expect(reviewed).toMatch(
      /^Last reviewed against the study records on \d+ \w+ \d{4}\. The evidence it cites covers Sucala et al\. \(2012\): studies found by searches up to August 2011/,
    );
  });
});

describe('shared samples and incomplete author lists', () => {
  test('the two Knaevelsrud records say they may share participants, and the home figure says it may count some twice', () => {
    for (const id of ['knaevelsrud-2006', 'knaevelsrud-2007'])
      expect(text(parse(dist, `studies/${id}/index.html`))).toContain('May share participants with');
    expect(headline(dist).join(' ')).toContain('this may count some participants twice');
  });

  test.each(['bouchard-2000', 'ertelt-2011'])('%s is cited as a multi-author paper, never as one author', (id) => {
    const lede = all(parse(dist, `studies/${id}/index.html`), byClass('lede')).map(text)[0];
    expect(lede).toMatch(/^\w+, [A-Z. ]+, et al\. \(\d{4}\)/);
  });
});

describe('a pending record is not evidence', () => {
  const dir = copyContent('pending-content');
  fs.writeFileSync(
    path.join(dir, 'studies/pending-2020.yaml'),
    fs
      .readFileSync(path.join(root, 'content/studies/germain-2010.yaml'), 'utf8')
      .replace('id: germain-2010', 'id: pending-2020')
      .replace(/^doi: .*$/m, 'doi: 10.1000/pending.2020')
      .replace(/^pmid: .*\n/m, '')
      .replace(/^sample_size: .*$/m, 'sample_size: 53')
      .replace(/decision: included\n\s+listing: \w+/, 'decision: pending'),
  );
  const built = buildSite(dir, tempDir('pending-site'));

  test('builds, with a page for the pending record that says it is awaiting screening', () => {
    expect(built.code, built.output).toBe(0);
    const page = all(parse(built.outDir, 'studies/pending-2020/index.html'), byAttr('dataEvidenceStatus')).map(text).join(' ');
    expect(page).toContain('Awaiting screening: not part of the evidence.');
  });

  test('leaves every home-page figure, the evidence map and the synthesis tables unchanged', () => {
    expect(headline(built.outDir)).toEqual(headline(dist));
    expect(chartTable(built.outDir, 'index.html')).toEqual(chartTable(dist, 'index.html'));
    expect(chartTable(built.outDir, 'synthesis/index.html')).toEqual(chartTable(dist, 'synthesis/index.html'));
  });

  test('says that one record awaits screening, and still exports it', () => {
    expect(all(parse(built.outDir, 'index.html'), byAttr('dataAwaiting')).map(text)[0]).toMatch(
      /^1 record awaiting screening is not counted here/,
    );
    const exported = JSON.parse(fs.readFileSync(path.join(built.outDir, 'data/studies.json'), 'utf8')) as { studies: { id: string }[] };
    expect(exported.studies.map((s) => s.id)).toContain('pending-2020');
  });
});

describe('a record edited without bumping its date', () => {
  // A throw-away git repository holding a copy of the content, committed, then one cited record
  // changed in a later commit that leaves `provenance.updated` as it was.
  const dir = copyContent('git-content');
  const run = (args: string[], date: string) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', ...args], {
      cwd: dir,
      env: { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
    });
  execFileSync('git', ['init', '-q'], { cwd: dir });
  run(['add', '-A'], '2026-12-01');
  run(['commit', '-qm', 'content'], '2026-12-01');
  const file = path.join(dir, 'studies/germain-2010.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^sample_size: .*$/m, 'sample_size: 47'));
  run(['commit', '-qam', 'sample size'], '2030-01-15');
  const built = buildSite(dir, tempDir('git-site'));

  test('flags every guide that cites it, naming the record and the date git saw the change', () => {
    expect(built.code, built.output).toBe(0);
    const citing = content.guides.filter((g) => fs.readFileSync(path.join(root, g.file), 'utf8').includes('"germain-2010"'));
    expect(citing.length).toBeGreaterThan(0);
    for (const g of citing) {
      const notice = all(parse(built.outDir, `guides/${path.basename(g.file, '.mdx')}/index.html`), byAttr('dataStale'))
        .map(text)
        .join(' ');
      expect(notice, g.file).toContain('changed 15 January 2030');
    }
  });

  test('validate warns about the date that was not bumped and about the guides, and still passes', () => {
    const checked = loadContent(dir, dir);
    expect(checked.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(checked.problems).toContainEqual(
      expect.objectContaining({
        file: 'studies/germain-2010.yaml',
        path: 'provenance.updated',
        severity: 'warning',
        message: expect.stringContaining('changed on 2030-01-15 without it'),
      }),
    );
    expect(checked.problems).toContainEqual(
      expect.objectContaining({
        path: 'reviewed',
        severity: 'warning',
        message: expect.stringContaining('germain-2010 (changed 2030-01-15)'),
      }),
    );
  });
});
