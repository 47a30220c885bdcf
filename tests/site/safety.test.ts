// Records are data: text from a record is shown as text wherever it appears. The fixture
// tests/fixtures/unsafe holds a review and a study whose every text field carries markup
// (<script>, event-handler attributes, quotes that try to leave an attribute); the built site is
// parsed with parse5 (the HTML standard's parser, as a browser parses it) and searched for any
// element or attribute that record text could have created.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { parse } from 'parse5';
import { describe, expect, test } from 'vitest';
import { loadContent } from '../../src/loaders/content';
import { parseBibtex, parseRis } from '../../src/lib/bibliography';
import { buildSite, tempDir } from '../helpers/build';

const root = path.resolve(import.meta.dirname, '../..');
const fixture = path.join(root, 'tests/fixtures/unsafe');
const study = yaml.load(fs.readFileSync(path.join(fixture, 'studies/doe-2010.yaml'), 'utf8')) as Record<string, unknown>;
const review = yaml.load(fs.readFileSync(path.join(fixture, 'reviews/unsafe-review.yaml'), 'utf8')) as Record<string, unknown>;

interface Node {
  nodeName: string;
  tagName?: string;
  value?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
}

/** Every element of a parsed document, and its text. */
function walk(html: string): { elements: Node[]; text: string } {
  const elements: Node[] = [];
  let text = '';
  const visit = (node: Node) => {
    if (node.tagName) elements.push(node);
    if (node.nodeName === '#text') text += node.value ?? '';
    for (const child of node.childNodes ?? []) visit(child);
    if (node.content) visit(node.content);
  };
  visit(parse(html) as unknown as Node);
  return { elements, text };
}

const scriptText = (el: Node) => (el.childNodes ?? []).map((c) => c.value ?? '').join('');
const attr = (el: Node, name: string) => el.attrs?.find((a) => a.name === name)?.value;

// One build for the whole file (about 10 s), under a base path as on GitHub Pages
// (buildSite keeps Vitest's BASE_URL out of the child build, so BASE_PATH alone decides the base).
const BASE = '/rapport';
const build = buildSite(fixture, tempDir('unsafe-site'), { BASE_PATH: BASE, SITE_URL: 'https://example.github.io' });

describe('a record with markup in its text', () => {
  const dist = build.outDir;
  const htmlFiles = build.code === 0 ? (fs.readdirSync(dist, { recursive: true }) as string[]).filter((f) => f.endsWith('.html')) : [];
  const page = (p: string) => walk(fs.readFileSync(path.join(dist, p), 'utf8'));

  test('passes validation and builds (records are data, so markup is just text)', () => {
    expect(loadContent(fixture, root).problems).toEqual([]);
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
    expect(htmlFiles).toEqual(
      expect.arrayContaining(['studies/doe-2010/index.html', 'reviews/unsafe-review/index.html', 'studies/index.html', 'index.html']),
    );
  });

  test('creates no script from record text on any page; record text inside JSON data blocks cannot close them', () => {
    for (const file of htmlFiles) {
      const scripts = page(file).elements.filter((e) => e.tagName === 'script');
      for (const s of scripts) {
        const type = attr(s, 'type') ?? '';
        if (type === 'application/json' || type === 'application/ld+json') {
          // Data for a progressive enhancement: parsed, never run; "<" is escaped so "</script>" cannot end it early.
          expect(() => JSON.parse(scriptText(s)), file).not.toThrow();
          expect(scriptText(s), file).not.toContain('<');
        } else {
          expect(`${file}: ${scriptText(s)} ${attr(s, 'src') ?? ''}`).not.toMatch(/alert\(/);
        }
      }
    }
  });

  test('creates no event-handler attribute, iframe, or javascript: link on any page', () => {
    for (const file of htmlFiles) {
      for (const el of page(file).elements) {
        const handlers = (el.attrs ?? []).filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`);
        expect(handlers, file).toEqual([]);
        expect(el.tagName, file).not.toBe('iframe');
        const href = attr(el, 'href') ?? attr(el, 'src') ?? '';
        expect(href.trim().toLowerCase().startsWith('javascript:'), `${file}: ${href}`).toBe(false);
      }
    }
  });

  test('keeps attribute values closed: a quote in record text does not add attributes', () => {
    for (const file of htmlFiles) {
      for (const el of page(file).elements)
        expect(
          (el.attrs ?? []).map((a) => a.name),
          file,
        ).not.toContain('onmouseover');
    }
    // The address stays one attribute value, exactly as the record writes it.
    const sourceUrl = ((study['provenance'] as Record<string, unknown>)['sources'] as { url: string }[])[0]?.url;
    const links = page('studies/doe-2010/index.html')
      .elements.filter((e) => e.tagName === 'a')
      .map((e) => attr(e, 'href'));
    expect(links).toContain(sourceUrl);
  });

  test.each([
    ['title', () => study['title']],
    ['summary', () => study['summary']],
    ['population', () => study['population']],
    ['intervention', () => study['intervention']],
    ['alliance finding', () => (study['alliance'] as Record<string, unknown>)['finding']],
    ['source note', () => ((study['provenance'] as Record<string, unknown>)['sources'] as { note: string }[])[0]?.note],
  ])('shows the study %s on its page as the very text of the record', (_, value) => {
    expect(page('studies/doe-2010/index.html').text).toContain(String(value()));
  });

  test.each([
    ['title', () => review['title']],
    ['question', () => review['question']],
    ['note', () => (review['notes'] as string[])[0]],
    ['exclusion reason', () => (review['exclusion_reasons'] as { label: string }[])[0]?.label],
    ['source name in the flow diagram', () => '<script>alert("per-source")</script>'],
  ])('shows the review %s on its page as text', (_, value) => {
    expect(page('reviews/unsafe-review/index.html').text).toContain(String(value()));
  });

  test('lists the study by its first author and its measure, as text, on the study list', () => {
    const { text } = page('studies/index.html');
    expect(text).toContain('<svg onload=alert("author")> & Roe (2010)');
    expect(text).toContain('<script>alert("instrument")</script> (1)');
  });
});

describe(`under a base path (BASE_PATH=${BASE}, as on GitHub Pages)`, () => {
  const htmlFiles = (fs.readdirSync(build.outDir, { recursive: true }) as string[]).filter((f) => f.endsWith('.html'));
  const links = htmlFiles.flatMap((file) =>
    walk(fs.readFileSync(path.join(build.outDir, file), 'utf8')).elements.flatMap((el) =>
      ['href', 'src', 'action']
        .map((name) => ({ file, url: attr(el, name) }))
        .filter((l): l is { file: string; url: string } => l.url !== undefined),
    ),
  );

  test('every site-relative link and asset stays under the base path', () => {
    const outside = links.filter((l) => l.url.startsWith('/') && !l.url.startsWith('//') && !l.url.startsWith(`${BASE}/`));
    expect(outside).toEqual([]);
    expect(links.length).toBeGreaterThan(50);
  });

  test('every link under the base path leads to a built page or file', () => {
    const broken = links
      .filter((l) => l.url.startsWith(`${BASE}/`))
      .filter((l) => {
        const target = path.join(build.outDir, decodeURIComponent(l.url.slice(BASE.length).split(/[?#]/)[0] ?? ''));
        return !(fs.existsSync(target) && (fs.statSync(target).isFile() || fs.existsSync(path.join(target, 'index.html'))));
      });
    expect(broken).toEqual([]);
  });
});

describe('the open-data exports of that record', () => {
  const read = (p: string) => fs.readFileSync(path.join(build.outDir, p), 'utf8');

  test('JSON keeps the text exactly as the record has it (data, not markup, not double-escaped)', () => {
    const [first] = (JSON.parse(read('data/studies.json')) as { studies: { title: string; summary: string }[] }).studies;
    expect(first?.title).toBe(study['title']);
    expect(first?.summary).toBe(study['summary']);
  });

  test('CSV quotes fields with quotes, commas and line breaks (RFC 4180), one row per study', () => {
    const csv = read('data/studies.csv');
    expect(csv).toContain('"<script>alert(1)</script> Alliance in ""e-therapy"" & <b>bold</b> claims"');
    expect(csv.trim().split('\r\n')).toHaveLength(2);
  });

  test('BibTeX and RIS read back as one entry with the same title', () => {
    const bib = parseBibtex(read('data/studies.bib'), 'export');
    expect(bib.problems).toEqual([]);
    expect(bib.records.map((r) => r.title)).toHaveLength(1);
    expect(bib.records[0]?.title).toContain('<script>alert(1)</script>');
    const ris = parseRis(read('data/studies.ris'), 'export');
    expect(ris.problems).toEqual([]);
    expect(ris.records.map((r) => r.title)).toEqual([study['title']]);
  });

  test('are published as data files (.json, .csv, .bib, .ris), never as HTML pages', () => {
    for (const f of ['studies.json', 'studies.csv', 'studies.bib', 'studies.ris'])
      expect(fs.existsSync(path.join(build.outDir, 'data', f))).toBe(true);
    expect(fs.existsSync(path.join(build.outDir, 'data/studies.json/index.html'))).toBe(false);
  });
});

describe('links in records', () => {
  test.each(['javascript:alert(1)', 'JavaScript:alert(document.cookie)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])(
    'the schema rejects the source address %j, which would otherwise reach an <a href>',
    (url) => {
      const content = tempDir('links');
      fs.cpSync(fixture, content, { recursive: true });
      const file = path.join(content, 'studies/doe-2010.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/- url: '.*'/, `- url: '${url.replace(/'/g, "''")}'`));
      expect(loadContent(content, content).problems.filter((p) => p.file === 'studies/doe-2010.yaml')).toEqual([
        expect.objectContaining({
          file: 'studies/doe-2010.yaml',
          path: 'provenance.sources[0].url',
          message: expect.stringMatching(/^must be a web address starting with https:\/\/ or http:\/\//),
          severity: 'error',
        }),
      ]);
    },
  );
});
