// The built site read as other tools read it: a reference manager's embedded-metadata capture of a
// study page, JSON-LD, Open Graph and canonical links, the Atom feed, the sitemap and robots.txt,
// "cite this page", licences and repository links.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import { loadContent } from '../../src/loaders/content';
import { childText, childrenNamed, parseXml } from '../helpers/xml';

const dist = inject('siteDir');
const content = loadContent('content');
const read = (p: string) => fs.readFileSync(path.join(dist, p), 'utf8');
const SITE = 'http://localhost:4321';

/** Every element of a tree. */
function elements(node: Root | Element): Element[] {
  return node.children.flatMap((c) => (c.type === 'element' ? [c, ...elements(c)] : []));
}
const head = (html: string) => elements(fromHtml(html)).find((e) => e.tagName === 'head')!;
const metas = (h: Element) => elements(h).filter((e) => e.tagName === 'meta');
const attr = (e: Element, name: string) => (e.properties[name] === undefined ? undefined : String(e.properties[name]));

/** The HTML pages of the build (site paths), and which of them are redirects left by renamed records. */
const htmlPages = (dir = '', out: string[] = []): string[] => {
  for (const entry of fs.readdirSync(path.join(dist, dir), { withFileTypes: true })) {
    if (entry.isDirectory() && entry.name !== 'pagefind' && entry.name !== '_astro') htmlPages(path.join(dir, entry.name), out);
    else if (entry.name === 'index.html') out.push(`/${dir ? `${dir.split(path.sep).join('/')}/` : ''}`);
  }
  return out;
};
const pages = htmlPages();
const isRedirect = (p: string) => /http-equiv="refresh"/.test(read(path.join(p, 'index.html')));

/**
 * What Zotero's Embedded Metadata translator (zotero/translators, "Embedded Metadata.js",
 * addHighwireMetadata and HIGHWIRE_MAPPINGS) takes from a page: `<meta name>` tags in the head,
 * matched by name; each citation_author is one creator, "Family, Given" split at the comma;
 * pages are citation_firstpage + "-" + citation_lastpage; the PMID goes to Extra as "PMID: n";
 * a citation_journal_title makes the item a journal article.
 */
function zoteroEmbeddedMetadata(html: string) {
  const tags = metas(head(html)).flatMap((m) => {
    const name = attr(m, 'name');
    const value = attr(m, 'content');
    return name && value ? [[name, value] as const] : [];
  });
  const first = (name: string) => tags.find(([n]) => n === name)?.[1];
  const mapping: Record<string, string> = {
    citation_title: 'title',
    citation_publication_date: 'date',
    citation_journal_title: 'publicationTitle',
    citation_volume: 'volume',
    citation_issue: 'issue',
    citation_doi: 'DOI',
  };
  const item: Record<string, unknown> = {
    itemType: first('citation_journal_title') ? 'journalArticle' : first('citation_title') ? 'journalArticle' : 'webpage',
  };
  for (const [meta, field] of Object.entries(mapping)) if (first(meta)) item[field] = first(meta)!.replace(/\s+/g, ' ').trim();
  item['creators'] = tags
    .filter(([n]) => n === 'citation_author')
    .map(([, v]) => {
      const [lastName, firstName] = v.split(/\s*,\s*/, 2);
      return { lastName, firstName };
    });
  const fp = first('citation_firstpage');
  const lp = first('citation_lastpage');
  if (fp) item['pages'] = fp + (lp ? `-${lp}` : '');
  if (first('citation_pmid')) item['extra'] = `PMID: ${first('citation_pmid')}`;
  return item;
}

describe('a study page captured by a reference manager', () => {
  test.each(content.studies.map((s) => s.data.id))('%s gives the study’s own citation, not the site’s', (id) => {
    const study = content.studies.find((s) => s.data.id === id)!.data;
    const item = zoteroEmbeddedMetadata(read(`studies/${id}/index.html`));
    const [fp, lp] = (study.pages ?? '').split(/\s*[-–]\s*/);
    expect(item).toEqual({
      itemType: 'journalArticle',
      title: study.title.replace(/\s+/g, ' ').trim(),
      date: String(study.year),
      publicationTitle: study.journal,
      ...(study.volume ? { volume: study.volume } : {}),
      ...(study.issue ? { issue: study.issue } : {}),
      ...(study.doi ? { DOI: study.doi } : {}),
      creators: study.authors.map((a) => {
        const [lastName, firstName] = a.split(/\s*,\s*/, 2);
        return { lastName, firstName };
      }),
      ...(study.pages ? { pages: fp + (lp ? `-${lp}` : '') } : {}),
      ...(study.pmid ? { extra: `PMID: ${study.pmid}` } : {}),
    });
  });

  test('pages that are not study pages carry no citation_* tags (they would be captured as a study)', () => {
    for (const p of ['index.html', 'about/index.html', 'reviews/sucala-2012/index.html', 'guides/glossary/index.html'])
      expect(metas(head(read(p))).some((m) => attr(m, 'name')?.startsWith('citation_'))).toBe(false);
  });
});

/** The JSON-LD blocks of a page, parsed. */
const jsonLd = (html: string) =>
  elements(head(html))
    .filter((e) => e.tagName === 'script' && attr(e, 'type') === 'application/ld+json')
    .map((e) => JSON.parse(toText(e)) as Record<string, unknown>);

describe('schema.org JSON-LD', () => {
  test('a study page describes the study as a ScholarlyArticle', () => {
    const [ld] = jsonLd(read('studies/cook-2002/index.html'));
    expect(ld).toMatchObject({ '@type': 'ScholarlyArticle', '@id': 'https://doi.org/10.1089/109493102753770480', datePublished: '2002' });
  });

  test.each(['index.html', 'reviews/sucala-2012/index.html'])('%s describes a Dataset with a DataDownload per export file', (p) => {
    const [ld] = jsonLd(read(p));
    expect(ld).toMatchObject({ '@type': 'Dataset', license: 'https://creativecommons.org/licenses/by/4.0/' });
    const files = (ld!['distribution'] as { '@type': string; contentUrl: string }[]).map((d) => d.contentUrl);
    expect(files).toEqual(['json', 'csv', 'bib', 'ris', 'csl.json'].map((ext) => `${SITE}/data/studies.${ext}`));
    for (const ext of ['json', 'csv', 'bib', 'ris']) expect(fs.existsSync(path.join(dist, `data/studies.${ext}`))).toBe(true);
  });
});

describe('every page’s head', () => {
  const real = pages.filter((p) => !isRedirect(p));

  test('the build has pages to check', () => expect(real.length).toBeGreaterThan(20));

  test.each(real)('%s has a canonical address from SITE_URL, matching Open Graph tags and the feed link', (p) => {
    const h = head(read(path.join(p, 'index.html')));
    const links = elements(h).filter((e) => e.tagName === 'link');
    const canonical = links.find((l) => String(l.properties['rel']) === 'canonical');
    expect(attr(canonical!, 'href')).toBe(`${SITE}${p}`);
    const og = Object.fromEntries(
      metas(h).flatMap((m) => (attr(m, 'property')?.startsWith('og:') ? [[attr(m, 'property'), attr(m, 'content')]] : [])),
    );
    expect(og).toMatchObject({ 'og:url': `${SITE}${p}`, 'og:site_name': 'Rapport' });
    expect(og['og:title']).toBeTruthy();
    expect(og['og:type']).toBe(/^\/studies\/[^/]+\/$/.test(p) ? 'article' : 'website');
    const feed = links.find((l) => String(l.properties['rel']) === 'alternate' && attr(l, 'type') === 'application/atom+xml');
    expect(attr(feed!, 'href')).toBe('/feed.xml');
  });
});

describe('/feed.xml', () => {
  const feed = parseXml(read('feed.xml'));

  test('is well-formed Atom with the feed elements RFC 4287 requires', () => {
    expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated']) expect(childText(feed, name)).toBeTruthy();
    expect(childText(childrenNamed(feed, 'author')[0]!, 'name')).toBe('Rapport contributors');
    expect(childrenNamed(feed, 'link').find((l) => l.attrs['rel'] === 'self')?.attrs['href']).toBe(`${SITE}/feed.xml`);
  });

  test('has an entry for each study’s addition, linking to a study page that exists', () => {
    const entries = childrenNamed(feed, 'entry');
    const added = entries.filter((e) => childText(e, 'title')!.startsWith('Added: '));
    expect(added).toHaveLength(content.studies.length);
    for (const e of entries) {
      const href = childrenNamed(e, 'link')[0]!.attrs['href']!;
      expect(href.startsWith(`${SITE}/studies/`)).toBe(true);
      expect(fs.existsSync(path.join(dist, href.slice(SITE.length), 'index.html'))).toBe(true);
    }
    const dates = entries.map((e) => childText(e, 'updated')!);
    expect([...dates].sort().reverse()).toEqual(dates);
  });
});

describe('/changes/', () => {
  const html = read('changes/index.html');
  test('lists the same changes as the feed, newest first, each saying added or updated', () => {
    const items = [...html.matchAll(/<li data-change="(added|updated)" data-study="([^"]+)"> <time datetime="([^"]+)"/g)];
    expect(items).toHaveLength(childrenNamed(parseXml(read('feed.xml')), 'entry').length);
    const dates = items.map((m) => m[3]!);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(html).toContain('href="/studies/cook-2002/"');
  });
  test('is linked from every page’s footer', () => {
    expect(read('about/index.html')).toMatch(/<footer[\s\S]*href="\/changes\/"/);
  });
});

describe('sitemap.xml and robots.txt', () => {
  test('the sitemap lists every page (not the 404 page or redirects) by its absolute address', () => {
    const set = parseXml(read('sitemap.xml'));
    expect(set.ns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = childrenNamed(set, 'url').map((u) => childText(u, 'loc'));
    expect(locs).toEqual(
      pages
        .filter((p) => !isRedirect(p))
        .map((p) => `${SITE}${p}`)
        .sort(),
    );
  });
  test('robots.txt names the sitemap', () => {
    expect(read('robots.txt')).toContain(`Sitemap: ${SITE}/sitemap.xml`);
  });
});

describe('cite this page', () => {
  const apa = (p: string) => /data-cite-apa>([^<]*)</.exec(read(p))?.[1] ?? '';
  const bibtex = (p: string) => /data-cite-bibtex>([^<]*)</.exec(read(p))?.[1] ?? '';

  test('the home page reads "Rapport (Version …)", never "Rapport. Rapport."', () => {
    expect(apa('index.html')).toMatch(
      /^Rapport contributors\. \(\d{4}, \w+ \d{1,2}\)\. Rapport \(Version \d+\.\d+\.\d+(, commit [0-9a-f]+(-dirty)?)?\)\. Retrieved /,
    );
    expect(apa('index.html')).not.toContain('Rapport. Rapport.');
  });

  test.each(['index.html', 'about/index.html', 'studies/cook-2002/index.html', 'changes/index.html'])(
    '%s has one APA line and a BibTeX entry with a valid month',
    (p) => {
      expect(read(p).match(/data-cite-apa/g)).toHaveLength(1);
      expect(bibtex(p)).toMatch(/^ {2}month = (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec),$/m);
      expect(bibtex(p)).not.toMatch(/month = \{/);
      expect(bibtex(p)).toMatch(/^ {2}urldate = \{\d{4}-\d{2}-\d{2}\},$/m);
      expect(apa(p)).toMatch(/\(Version \d+\.\d+\.\d+/);
    },
  );

  test('a local build’s address is not called stable', () => {
    expect(read('about/index.html')).not.toContain('This address is stable');
    expect(read('about/index.html')).toContain('This is a local build');
  });

  test('the 404 page offers no citation of itself', () => {
    expect(read('404.html')).not.toContain('Cite this page');
  });

  test('the copy buttons are there, hidden until the script runs, with a live region for the confirmation', () => {
    const html = read('about/index.html');
    expect(html).toMatch(/<button type="button" class="secondary" data-copy-cite="apa" hidden>/);
    expect(html).toMatch(/aria-live="polite" data-cite-status/);
  });

  test('/about/ says how to cite the site and a release', () => {
    const html = read('about/index.html');
    expect(html).toContain('data-cite-site');
    expect(html).toMatch(
      /data-cite-release>Rapport contributors\. \(\d{4}\)\. Rapport \(Version \d+\.\d+\.\d+\) \[Computer software and data set\]\./,
    );
    expect(html).toContain('CITATION.cff');
  });
});

describe('licences and the repository', () => {
  test('every page’s footer states the data licence, the code licence and links the repository', () => {
    const footer = read('studies/index.html').split('<footer')[1]!;
    expect(footer).toContain('href="https://creativecommons.org/licenses/by/4.0/" rel="license">CC BY 4.0</a>');
    expect(footer).toContain('href="https://github.com/rapport-review/rapport/blob/main/LICENSE">MIT</a>');
    expect(footer).toContain('href="https://github.com/rapport-review/rapport">Source repository</a>');
    expect(footer).toContain('Suggest a correction');
  });

  test('a study page links to its record file, to edit it, and to suggest a correction', () => {
    const html = read('studies/cook-2002/index.html');
    expect(html).toContain('href="https://github.com/rapport-review/rapport/blob/main/content/studies/cook-2002.yaml"');
    expect(html).toContain('href="https://github.com/rapport-review/rapport/edit/main/content/studies/cook-2002.yaml"');
    expect(html).toMatch(
      /href="https:\/\/github\.com\/rapport-review\/rapport\/issues\/new\?title=Correction%3A%20content%2Fstudies%2Fcook-2002\.yaml&(amp;)?body=/,
    );
  });
});

describe('the 404 page', () => {
  test('has no canonical address or og:url of its own and asks not to be indexed', () => {
    const html = read('404.html');
    expect(html).not.toContain('rel="canonical"');
    expect(html).not.toContain('og:url');
    expect(html).toContain('<meta name="robots" content="noindex">');
  });
});
