// Guidance pages in the built site: evidence lists, strength labels, citations, anchors for
// educators, "cited by" on study pages; and the build and validate checks on fixture folders.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { loadContent } from '../../src/loaders/content';
import { citedStudyIds } from '../../src/lib/guidance/cited-ids';
import { deriveStaleness } from '../../src/lib/guidance/staleness';
import { deriveStrength, describeStrengthRule, strengthLabels, type StrengthLevel } from '../../src/lib/guidance/strength';
import { formatDate } from '../../src/lib/guidance/text';
import { buildSite } from '../helpers/build';

const dist = inject('siteDir');
const root = path.resolve(import.meta.dirname, '../..');
const content = loadContent('content');
const studies = content.studies.map((s) => s.data);
const guides = content.guides.map((g) => ({
  ...g,
  slug: path.basename(g.file, '.mdx'),
  source: fs.readFileSync(path.join(root, g.file), 'utf8'),
}));

// --- a few lines of DOM querying over hast ---
const parse = (p: string): Root => fromHtml(fs.readFileSync(path.join(dist, p), 'utf8'));
function all(node: Root | Element, match: (e: Element) => boolean): Element[] {
  const out: Element[] = [];
  const walk = (n: Root | Element) => {
    for (const child of n.children) {
      if (child.type !== 'element') continue;
      if (match(child)) out.push(child);
      walk(child);
    }
  };
  walk(node);
  return out;
}
const classes = (e: Element) => ([] as unknown[]).concat(e.properties['className'] ?? []).map(String);
const hasClass = (name: string) => (e: Element) => classes(e).includes(name);
const tag = (name: string) => (e: Element) => e.tagName === name;
const attr = (e: Element, name: string) => (e.properties[name] === undefined ? undefined : String(e.properties[name]));
const text = (e: Element | Root) =>
  toText(e as Element)
    .replace(/\s+/g, ' ')
    .trim();
const guidePage = (slug: string) => parse(`guides/${slug}/index.html`);
const studiesById = new Map(studies.map((s) => [s.id, s]));

describe('guide pages', () => {
  test('there is a guide for each topic the issue asks for', () => {
    expect(guides.map((g) => g.slug).sort()).toEqual(
      [
        'building-the-alliance-early',
        'choosing-and-combining-modalities',
        'clients-with-more-severe-symptoms',
        'glossary',
        'measuring-the-alliance',
        'what-the-evidence-says',
      ].sort(),
    );
  });

  test('publishes one page per guide file, and /guides/ lists each with its summary and audience', () => {
    const listed = all(parse('guides/index.html'), (e) => e.tagName === 'li' && attr(e, 'dataGuide') !== undefined);
    expect(listed.map((e) => attr(e, 'dataGuide')).sort()).toEqual(guides.map((g) => g.slug).sort());
    for (const g of guides) {
      expect(fs.existsSync(path.join(dist, 'guides', g.slug, 'index.html'))).toBe(true);
      const item = text(listed.find((e) => attr(e, 'dataGuide') === g.slug)!);
      expect(item).toContain(g.data.title);
      expect(item).toContain(g.data.summary);
      expect(item).toContain(`For ${g.data.audience.join(' and ')}`);
    }
  });

  test.each(guides.map((g) => [g.slug, g] as const))('%s shows its last-reviewed date and is cited with that date', (slug, g) => {
    const page = guidePage(slug);
    const time = all(page, tag('time')).find((t) => attr(t, 'dateTime') === g.data.reviewed);
    expect(time && text(time)).toBe(formatDate(g.data.reviewed));
    const cite = all(page, hasClass('cite-box'))[0]!;
    const [y, m, d] = g.data.reviewed.split('-').map(Number);
    const month = new Date(Date.UTC(y!, m! - 1, d)).toLocaleString('en-US', { month: 'long', timeZone: 'UTC' });
    expect(text(cite)).toContain(`(${y}, ${month} ${d}). ${g.data.title}`);
    expect(text(cite)).toMatch(/@misc\{/);
  });

  test.each(guides.map((g) => [g.slug] as const))('%s has one h1 and headings that never skip a level', (slug) => {
    const levels = all(guidePage(slug), (e) => /^h[1-6]$/.test(e.tagName)).map((h) => Number(h.tagName[1]));
    expect(levels.filter((l) => l === 1)).toHaveLength(1);
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual(levels[i - 1]! + 1);
    });
  });

  test.each(guides.map((g) => [g.slug] as const))(
    '%s gives every section heading a unique id and a "#" link with an accessible name',
    (slug) => {
      const page = guidePage(slug);
      const body = all(page, hasClass('guide-body'))[0]!;
      const headings = all(body, (e) => e.tagName === 'h2' || e.tagName === 'h3');
      expect(headings.length).toBeGreaterThan(0);
      const ids = all(page, (e) => attr(e, 'id') !== undefined).map((e) => attr(e, 'id'));
      expect(new Set(ids).size).toBe(ids.length);
      const anchors = all(body, hasClass('heading-anchor'));
      for (const h of headings) {
        const id = attr(h, 'id')!;
        expect(id).toMatch(/^[a-z0-9-]+$/);
        const link = anchors.find((a) => attr(a, 'href') === `#${id}`);
        expect(link, `anchor for #${id}`).toBeDefined();
        expect(text(all(link!, (e) => attr(e, 'dataCopyLabel') !== undefined)[0]!)).toBe(`Link to the section “${text(h)}”`);
      }
    },
  );

  test('enhances the anchors with a copy script and a polite live region, which works without JavaScript as plain links', () => {
    const html = fs.readFileSync(path.join(dist, 'guides/measuring-the-alliance/index.html'), 'utf8');
    expect(html).toMatch(/<p class="copy-status" id="copy-link-status" aria-live="polite"/);
    expect(html).toContain('navigator.clipboard.writeText');
    expect(html).toMatch(/<a class="heading-anchor" href="#who-rated-the-alliance"/);
  });

  test.each(guides.map((g) => [g.slug] as const))('%s has no link with empty or meaningless text', (slug) => {
    const links = all(guidePage(slug), tag('a'));
    for (const a of links) expect(text(a), attr(a, 'href')).not.toMatch(/^(|here|click here|link|more|read more|#)$/i);
  });

  test.each(guides.map((g) => [g.slug] as const))('%s prints the full address of every internal link', (slug) => {
    const body = all(guidePage(slug), hasClass('guide-body'))[0]!;
    const internal = all(body, (e) => e.tagName === 'a' && (attr(e, 'href') ?? '').startsWith('/') && !hasClass('no-print')(e));
    expect(internal.length).toBeGreaterThan(0);
    for (const a of internal) expect(attr(a, 'dataPrintHref')).toMatch(new RegExp(`^https?://[^/]+${attr(a, 'href')}$`));
  });

  test('keeps the guide inside the main element Pagefind indexes', () => {
    const main = all(guidePage('glossary'), tag('main'))[0]!;
    expect(attr(main, 'dataPagefindBody')).toBeDefined();
    expect(all(main, hasClass('guide'))).toHaveLength(1);
  });

  test('shows the stale-evidence notice exactly on guides whose cited records changed after review', () => {
    for (const g of guides) {
      const cited = citedStudyIds(g.source).flatMap((id) => studiesById.get(id) ?? []);
      const notice = all(guidePage(g.slug), (e) => attr(e, 'dataStale') !== undefined);
      expect(notice.length, g.slug).toBe(deriveStaleness(g.data.reviewed, cited).stale ? 1 : 0);
    }
  });
});

describe('<Evidence> and <Point>', () => {
  const overview = guidePage('what-the-evidence-says');
  const item = (id: string) => all(overview, (e) => e.tagName === 'li' && attr(e, 'dataStudy') === id)[0]!;

  test('list each cited study with a link to its page, year, modality, design, N and finding', () => {
    const cook = item('cook-2002');
    expect(all(cook, tag('a')).map((a) => attr(a, 'href'))).toContain('/studies/cook-2002/');
    const t = text(cook);
    for (const fact of [
      'Cook & Doyle (2002)',
      'Email and chat',
      'Non-randomized comparison',
      'N not reported',
      studiesById.get('cook-2002')!.alliance.finding!,
    ])
      expect(t).toContain(fact);
    expect(text(item('germain-2010'))).toContain('N = 46');
  });

  test('mark unconfirmed facts, and only those', () => {
    const marks = (id: string) => all(item(id), hasClass('badge')).map(text);
    expect(marks('cook-2002')).toEqual(['unconfirmed', 'unconfirmed']); // modalities, sample_size
    expect(marks('germain-2010')).toEqual(['unconfirmed']); // design
    expect(marks('day-2002')).toEqual([]);
  });

  test('carry a strength label that is the documented rule applied to their cited records', () => {
    let checked = 0;
    for (const g of guides) {
      for (const evidence of all(guidePage(g.slug), hasClass('evidence'))) {
        const ids = attr(evidence, 'dataEvidence')!.split(' ');
        const about = attr(evidence, 'dataAbout')?.split(' ');
        const expected = deriveStrength(
          ids.map((id) => studiesById.get(id)!),
          { about },
        );
        const label = all(evidence, (e) => attr(e, 'dataStrength') !== undefined)[0]!;
        expect(attr(label, 'dataStrength'), `${g.slug}: ${ids.join(', ')}`).toBe(expected.level);
        expect(text(label)).toContain(`Evidence: ${expected.label}`);
        expect(text(label)).toContain(expected.basis);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  test('with records checked against abstracts at best, no finding is rated above "limited"', () => {
    const levels = guides.flatMap((g) =>
      all(guidePage(g.slug), (e) => attr(e, 'dataStrength') !== undefined).map((e) => attr(e, 'dataStrength') as StrengthLevel),
    );
    expect(new Set(levels)).toEqual(new Set(['very-limited', 'limited']));
  });

  test('label findings as findings and suggestions as suggestions, and give suggestions no strength label', () => {
    for (const g of guides) {
      const page = guidePage(g.slug);
      for (const point of all(page, hasClass('point'))) expect(text(point)).toMatch(/^Finding from the studies/);
      for (const s of all(page, hasClass('suggestion'))) {
        expect(text(s)).toMatch(/^Practice suggestion, not a research finding/);
        expect(all(s, hasClass('evidence'))).toEqual([]);
      }
    }
  });
});

describe('<Cite>', () => {
  test('links the short citation to the study page', () => {
    const cites = all(guidePage('what-the-evidence-says'), (e) => attr(e, 'dataCite') === 'cook-2002');
    expect(cites.length).toBeGreaterThan(0);
    expect(text(cites[0]!)).toBe('Cook & Doyle (2002)');
    expect(attr(cites[0]!, 'href')).toBe('/studies/cook-2002/');
  });

  test('marks a citation of a record that could not be verified at all', () => {
    const html = fs.readFileSync(path.join(dist, 'guides/choosing-and-combining-modalities/index.html'), 'utf8');
    expect(html).toMatch(
      /data-cite="manchanda-1998">Manchanda &amp; McLaren \(1998\)<\/a> <span class="badge badge-warn"[^>]*>unconfirmed<\/span>/,
    );
  });
});

describe('study pages', () => {
  test.each(studies.map((s) => [s.id] as const))('%s lists the guides that cite it, before its sources', (id) => {
    const html = fs.readFileSync(path.join(dist, 'studies', id, 'index.html'), 'utf8');
    const section = html.slice(html.search(/<h2 id="guides"[ >]/), html.search(/<h2 id="sources"[ >]/));
    expect(section).toContain('Guides that cite this study');
    const citing = guides.filter((g) => citedStudyIds(g.source).includes(id));
    for (const g of citing) expect(section).toContain(`href="/guides/${g.slug}/"`);
    if (citing.length === 0) expect(section).toContain('No guide cites this study yet.');
  });
});

describe('/guides/#strength', () => {
  test('documents the strength rule in plain words, printed from the thresholds the labels use', () => {
    const page = parse('guides/index.html');
    const section = text(page);
    expect(all(page, (e) => attr(e, 'id') === 'strength')).toHaveLength(1);
    for (const rule of describeStrengthRule()) expect(section).toContain(`${rule.label} ${rule.requires}`);
    expect(section).toContain(`reach “${strengthLabels.limited}”`);
  });
});

describe('build and validate checks on guides', () => {
  const validate = (dir: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/validate.ts', dir], { cwd: root, encoding: 'utf8' });

  test('the build fails on a guide citing a study with no record, naming the guide file and the id', { timeout: 180_000 }, () => {
    const result = buildSite('tests/fixtures/bad-guide');
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('tests/fixtures/bad-guide/guides/cites-a-missing-study.mdx:11');
    expect(result.output).toContain('"no-such-study-1999"');
  });

  test('npm run validate reports the missing id on its line and exits 1', () => {
    const result = validate('tests/fixtures/bad-guide');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'guides/cites-a-missing-study.mdx:11: <Point> cites study "no-such-study-1999", which is not a study record',
    );
  });

  // Astro writes the MDX module map to the checkout's shared .astro/content-modules.mjs, so another
  // build running at the same moment (another test file, another CONTENT_DIR) can swap it out from
  // under this one ("UnknownContentCollectionError"). Retry rather than fail on that race.
  test(
    'a guide whose evidence changed after review builds with a visible notice, and validate warns but passes',
    { timeout: 180_000, retry: 2 },
    () => {
      const result = buildSite('tests/fixtures/stale-guide');
      expect(result.code, result.output).toBe(0);
      const page = fs.readFileSync(path.join(result.outDir, 'guides/reviewed-before-the-evidence-changed/index.html'), 'utf8');
      expect(page).toContain('The evidence changed after this guide was reviewed.');
      expect(page).toMatch(/Doe &amp; Roe \(2010\)<\/a>, changed 1 June 2026/);
      expect(fs.readFileSync(path.join(result.outDir, 'guides/index.html'), 'utf8')).toContain('evidence changed since review');
      const checked = validate('tests/fixtures/stale-guide');
      expect(checked.status).toBe(0);
      expect(checked.stdout).toMatch(
        /guides\/reviewed-before-the-evidence-changed\.mdx:5 reviewed: warning: is 2026-03-01, but cited records changed since: doe-2010 \(changed 2026-06-01\)/,
      );
    },
  );
});
