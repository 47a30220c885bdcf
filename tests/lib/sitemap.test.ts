// src/lib/sitemap.ts: the sitemaps.org 0.9 urlset, robots.txt and the published-addresses list.
import { describe, expect, test } from 'vitest';
import {
  isPublishedRecordAddress,
  isSitemapPage,
  mergeAddressList,
  parseAddressList,
  robotsTxt,
  sitemapXml,
  sitePath,
} from '../../src/lib/sitemap';
import { childText, childrenNamed, parseXml } from '../helpers/xml';

describe('sitemapXml', () => {
  const xml = sitemapXml(['https://x.org/studies/', 'https://x.org/', 'https://x.org/?a=1&b=2', 'https://x.org/']);
  const set = parseXml(xml);

  test('is a urlset in the sitemaps.org 0.9 namespace, one url/loc per address, sorted and each once', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(set.name).toBe('urlset');
    expect(set.ns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(childrenNamed(set, 'url').map((u) => childText(u, 'loc'))).toEqual([
      'https://x.org/',
      'https://x.org/?a=1&b=2',
      'https://x.org/studies/',
    ]);
  });

  test('refuses more than the protocol’s 50,000 addresses', () => {
    expect(() => sitemapXml(Array.from({ length: 50_001 }, (_, i) => `https://x.org/${i}/`))).toThrow(/50,000/);
  });
});

describe('robotsTxt', () => {
  test('allows everything and names the sitemap', () => {
    expect(robotsTxt('https://x.org/sitemap.xml')).toBe('User-agent: *\nAllow: /\n\nSitemap: https://x.org/sitemap.xml\n');
  });
});

describe('addresses', () => {
  test.each([
    ['', '/'],
    ['studies/cook-2002/', '/studies/cook-2002/'],
    ['studies/cook-2002', '/studies/cook-2002/'],
    ['data/studies.json', '/data/studies.json'],
  ])('sitePath(%j) is %s', (p, expected) => expect(sitePath(p)).toBe(expected));

  test.each([
    ['/studies/cook-2002/', true],
    ['/reviews/sucala-2012/', true],
    ['/reviews/sucala-2012/records/', true],
    ['/guides/glossary/', true],
    ['/studies/', false],
    ['/studies/page/2/', false],
    ['/about/', false],
    ['/reviews/sucala-2012/prisma.svg', false],
  ])('isPublishedRecordAddress(%s) is %s', (p, expected) => expect(isPublishedRecordAddress(p)).toBe(expected));

  test('the sitemap takes HTML pages but not the 404 page or files', () => {
    expect(['/', '/about/', '/404/', '/feed.xml'].filter(isSitemapPage)).toEqual(['/', '/about/']);
  });

  test('merging adds new addresses and never removes one', () => {
    const { text, added } = mergeAddressList(['/studies/old/', '/studies/b/'], ['/studies/b/', '/studies/a/']);
    expect(added).toEqual(['/studies/a/']);
    expect(parseAddressList(text)).toEqual(['/studies/a/', '/studies/b/', '/studies/old/']);
  });

  test('the list’s comments and blank lines are not addresses', () => {
    expect(parseAddressList('# header\n\n/studies/a/  # note\r\n/guides/g/\n')).toEqual(['/studies/a/', '/guides/g/']);
  });
});
