// src/lib/metadata.ts: Highwire citation tags, schema.org JSON-LD, Open Graph, local addresses.
import { describe, expect, test } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import type { Element, Root } from 'hast';
import {
  dataFormats,
  datasetLd,
  highwireTags,
  isLocalUrl,
  jsonLdScript,
  openGraphTags,
  scholarlyArticleLd,
  splitPages,
} from '../../src/lib/metadata';
import { makeStudy } from '../helpers/factories';

const cook = makeStudy({
  id: 'cook-2002',
  title: 'Working alliance in online therapy as compared to face-to-face therapy: preliminary results',
  year: 2002,
  journal: 'CyberPsychology & Behavior',
  authors: ['Cook, Jonathan E.', 'Doyle, Carol'],
  volume: '5',
  issue: '2',
  pages: '95-105',
  doi: '10.1089/109493102753770480',
  pmid: '12025884',
});

/** The tags as [name, content] pairs. */
const pairs = (tags: ReturnType<typeof highwireTags>) => tags.map((t) => [t.key, t.content]);

describe('highwireTags', () => {
  test('gives the study’s own citation in the names Zotero’s Embedded Metadata translator reads, one citation_author per author', () => {
    expect(pairs(highwireTags(cook))).toEqual([
      ['citation_title', 'Working alliance in online therapy as compared to face-to-face therapy: preliminary results'],
      ['citation_author', 'Cook, Jonathan E.'],
      ['citation_author', 'Doyle, Carol'],
      ['citation_publication_date', '2002'],
      ['citation_journal_title', 'CyberPsychology & Behavior'],
      ['citation_volume', '5'],
      ['citation_issue', '2'],
      ['citation_firstpage', '95'],
      ['citation_lastpage', '105'],
      ['citation_doi', '10.1089/109493102753770480'],
      ['citation_pmid', '12025884'],
    ]);
    expect(highwireTags(cook).every((t) => t.attr === 'name')).toBe(true);
  });

  test('leaves out the tags of fields the record does not have', () => {
    const keys = highwireTags(makeStudy({ doi: undefined, pages: undefined })).map((t) => t.key);
    expect(keys).not.toContain('citation_doi');
    expect(keys).not.toContain('citation_firstpage');
    expect(keys).not.toContain('citation_pmid');
    expect(keys).toContain('citation_title');
  });

  test('puts a title written over several lines on one line', () => {
    expect(highwireTags(makeStudy({ title: 'A trial\nof  video therapy' }))[0]!.content).toBe('A trial of video therapy');
  });
});

describe('splitPages', () => {
  test.each([
    ['95-105', { first: '95', last: '105' }],
    ['95–105', { first: '95', last: '105' }],
    ['e110', { first: 'e110' }],
    ['313 - 320', { first: '313', last: '320' }],
  ])('splits %s', (pages, expected) => {
    expect(splitPages(pages)).toEqual(expected);
  });
});

describe('jsonLdScript', () => {
  const hostile = makeStudy({ title: 'Alliance </script><script>alert(1)</script> <!-- and --> & more\u2028' });

  test('is valid JSON that parses back to the same data', () => {
    const data = scholarlyArticleLd(hostile, 'https://example.org/studies/doe-2010/');
    expect(JSON.parse(jsonLdScript(data))).toEqual(data);
  });

  test('contains no "<", so a title with </script> or <!-- cannot end or change the script element', () => {
    const text = jsonLdScript(scholarlyArticleLd(hostile, 'https://example.org/'));
    expect(text).not.toMatch(/[<>&\u2028]/);
    expect(text).toContain('\\u003c/script\\u003e');
  });

  test('inside an HTML page, the script element holds the whole JSON and nothing else becomes markup', () => {
    const text = jsonLdScript(scholarlyArticleLd(hostile, 'https://example.org/'));
    const tree = fromHtml(
      `<!doctype html><html><head><script type="application/ld+json">${text}</script></head><body><p>after</p></body></html>`,
    ) as Root;
    const scripts: Element[] = [];
    const walk = (n: Root | Element) =>
      n.children.forEach((c) => {
        if (c.type === 'element') {
          if (c.tagName === 'script') scripts.push(c);
          walk(c);
        }
      });
    walk(tree);
    expect(scripts).toHaveLength(1);
    expect(JSON.parse(toText(scripts[0]!))['headline']).toBe(hostile.title.replace(/\s+/g, ' ').trim());
  });
});

describe('scholarlyArticleLd', () => {
  test('describes the article: authors as persons, journal, volume, issue, pages and identifiers', () => {
    const ld = scholarlyArticleLd(cook, 'https://example.org/studies/cook-2002/');
    expect(ld).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ScholarlyArticle',
      '@id': 'https://doi.org/10.1089/109493102753770480',
      datePublished: '2002',
      pageStart: '95',
      pageEnd: '105',
      author: [
        { '@type': 'Person', familyName: 'Cook', givenName: 'Jonathan E.' },
        { '@type': 'Person', familyName: 'Doyle', givenName: 'Carol' },
      ],
      isPartOf: {
        '@type': 'PublicationIssue',
        issueNumber: '2',
        isPartOf: {
          '@type': 'PublicationVolume',
          volumeNumber: '5',
          isPartOf: { '@type': 'Periodical', name: 'CyberPsychology & Behavior' },
        },
      },
      sameAs: ['https://doi.org/10.1089/109493102753770480', 'https://pubmed.ncbi.nlm.nih.gov/12025884/'],
      subjectOf: { '@type': 'WebPage', url: 'https://example.org/studies/cook-2002/' },
    });
  });

  test('without volume or issue, the article is part of the periodical itself', () => {
    const ld = scholarlyArticleLd(makeStudy({ volume: undefined, issue: undefined }), 'https://example.org/');
    expect(ld['isPartOf']).toEqual({ '@type': 'Periodical', name: 'Journal of Tests' });
    expect(ld).not.toHaveProperty('pageStart');
  });
});

describe('datasetLd', () => {
  test('lists one DataDownload per file, with its media type', () => {
    const files = dataFormats.map((f) => ({ url: `https://example.org/data/studies.${f.ext}`, encodingFormat: f.encodingFormat }));
    const ld = datasetLd({
      name: 'Records',
      description: 'All records',
      url: 'https://example.org/',
      version: '0.1.0',
      license: 'https://creativecommons.org/licenses/by/4.0/',
      creator: 'Rapport contributors',
      dateModified: '2026-12-01',
      files,
    });
    expect(ld['@type']).toBe('Dataset');
    expect(ld['license']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect((ld['distribution'] as { contentUrl: string }[]).map((d) => d.contentUrl.replace('https://example.org/data/', ''))).toEqual([
      'studies.json',
      'studies.csv',
      'studies.bib',
      'studies.ris',
      'studies.csl.json',
    ]);
  });
});

describe('openGraphTags', () => {
  test('gives type, site name, title, description and address as og: properties', () => {
    const tags = openGraphTags({
      title: 'About',
      description: 'How it works',
      url: 'https://example.org/about/',
      siteName: 'Rapport',
      type: 'website',
    });
    expect(Object.fromEntries(tags.map((t) => [t.key, t.content]))).toMatchObject({
      'og:type': 'website',
      'og:site_name': 'Rapport',
      'og:title': 'About',
      'og:description': 'How it works',
      'og:url': 'https://example.org/about/',
    });
    expect(tags.every((t) => t.attr === 'property')).toBe(true);
  });
});

describe('isLocalUrl', () => {
  test.each([
    'http://localhost:4321/',
    'http://127.0.0.1:4321/about/',
    'http://127.1.2.3/',
    'http://[::1]:8080/',
    'http://site.localhost/',
    'http://0.0.0.0/',
    'not a url',
  ])('calls %s local (not stable)', (u) => expect(isLocalUrl(u)).toBe(true));
  test.each(['https://rapport.example.org/', 'https://example.github.io/rapport/', 'http://localhost.example.com/'])(
    'calls %s public',
    (u) => expect(isLocalUrl(u)).toBe(false),
  );
});
