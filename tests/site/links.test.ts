// Internal links and anchors over the built site: 0 broken. Planted faults show the checker fails.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { checkLinks, formatBrokenLink, pagePath, parseDocument } from '../helpers/links';

const page = (body: string) => `<!doctype html><html lang="en"><head><title>t</title></head><body>${body}</body></html>`;

describe('the link checker', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-links-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.writeFileSync(path.join(dir, file), text);
    };
    write('style.css', 'p {}');
    write('chart.svg', '<svg xmlns="http://www.w3.org/2000/svg"><g id="bar"/></svg>');
    write('about/index.html', page('<h2 id="who">Who</h2><a name="old-anchor"></a>'));
    write(
      'index.html',
      page(`
        <link rel="stylesheet" href="/style.css"><link rel="canonical" href="https://example.org/">
        <h1 id="top-heading">Home</h1>
        <a href="#top-heading">same page</a> <a href="#">top</a> <a href="about/">relative</a>
        <a href="/about/#who">other page anchor</a> <a href="/about#old-anchor">named anchor, no slash</a>
        <a href="/chart.svg#bar">svg anchor</a> <a href="/search/?q=x">with a query</a>
        <a href="https://elsewhere.example/nothing">outside</a> <a href="mailto:a@b.c">mail</a>
        <a href="https://example.org/about/">absolute, own origin</a>
        <a href="#nowhere">PLANTED same-page anchor</a> <a href="/about/#nobody">PLANTED other-page anchor</a>
        <a href="/missing/">PLANTED page</a> <img src="pic.png" alt="PLANTED image">
        <a href="https://example.org/gone/">PLANTED own-origin page</a>`),
    );
    write('search/index.html', page('<p>search</p>'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('reports exactly the planted broken links and anchors', () => {
    expect(checkLinks(dir, { origins: ['https://example.org'] }).map(formatBrokenLink)).toEqual([
      'index.html: #nowhere (no such anchor)',
      'index.html: /about/#nobody (no such anchor)',
      'index.html: /missing/ (no such file)',
      'index.html: pic.png (no such file)',
      'index.html: https://example.org/gone/ (no such file)',
    ]);
  });

  test('treats links outside the base path as missing when the site is served under one', () => {
    const broken = checkLinks(dir, { base: '/rapport/' }).map((b) => b.href);
    expect(broken).toContain('/style.css');
    expect(broken).not.toContain('about/');
  });

  test.each([
    ['index.html', '/'],
    ['about/index.html', '/about/'],
    ['404.html', '/404.html'],
    ['data/studies.json', '/data/studies.json'],
  ])('serves %s at %s', (file, address) => {
    expect(pagePath(file)).toBe(address);
  });

  test('reads ids, named anchors and the links of every linking element', () => {
    const doc = parseDocument(page('<a name="n" href="a"></a><img id="i" src="b"><script src="c"></script><form action="d"></form>'));
    expect([...doc.ids].sort()).toEqual(['i', 'n']);
    expect(doc.links).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('the built site', () => {
  test('has no broken internal link or anchor', () => {
    const dir = inject('siteDir');
    expect(fs.readdirSync(dir)).toContain('index.html');
    expect(checkLinks(dir, { origins: ['http://localhost:4321'] }).map(formatBrokenLink)).toEqual([]);
  });
});
