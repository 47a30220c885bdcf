import { describe, expect, test } from 'vitest';
import { parseBibtex, parseCslJson } from '../../../src/lib/bibliography';

describe('parseBibtex', () => {
  test('decodes LaTeX escapes and expands @string macros', () => {
    const text = [
      '@string{jdt = "Journal of Demo Telepsychology"}',
      '@article{muller2012,',
      '  author  = {M{\\"u}ller, Anna and Sm{\\\'i}th, John and {World Health Organization}},',
      "  title   = {The {Demo} study of {\\'e}t{\\'e} therapy},",
      '  journal = jdt,',
      '  year    = 2012,',
      '  volume  = {3},',
      '  number  = {2},',
      '  pages   = {1--10},',
      '  doi     = {https://doi.org/10.5555/DEMO.012},',
      '  pmid    = {39990012},',
      '  abstract = {A fictional abstract.}',
      '}',
    ].join('\n');
    expect(parseBibtex(text, 'scopus')).toEqual({
      problems: [],
      records: [
        {
          key: '10.5555/demo.012',
          source: 'scopus',
          title: 'The Demo study of été therapy',
          year: 2012,
          authors: ['Müller, Anna', 'Smíth, John', 'World Health Organization'],
          journal: 'Journal of Demo Telepsychology',
          volume: '3',
          issue: '2',
          pages: '1-10',
          doi: '10.5555/demo.012',
          pmid: '39990012',
          abstract: 'A fictional abstract.',
        },
      ],
    });
  });

  test('reads CRLF line ends', () => {
    const text = '@article{a,\r\n  title = {Demo},\r\n  year = {2001}\r\n}\r\n';
    expect(parseBibtex(text, 's').records.map((r) => [r.positionKey, r.title, r.year])).toEqual([['s-1', 'Demo', 2001]]);
  });

  test('reports a broken entry with its line and still reads the entries after it', () => {
    const text = [
      '@article{good1, title={First}, year=2000}',
      '@article{bad, title = {missing brace, year=2000}',
      '',
      '@article{good2,',
      '  title={Third}, year={2001}}',
    ].join('\n');
    const result = parseBibtex(text, 's');
    expect(result.records.map((r) => [r.positionKey, r.title])).toEqual([
      ['s-1', 'First'],
      ['s-3', 'Third'],
    ]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({ index: 2, line: 2 });
    expect(result.problems[0]?.message).toMatch(/^entry 2 \(line 2\) could not be read: /);
  });

  test.each([
    ['an entry without a title', '@article{a, year={2000}}', 'entry 1 (line 1) has no title (title)'],
    [
      'an entry without a comma after its key',
      '@article{a title={T}}',
      'entry 1 (line 1) is not a BibTeX entry: check the braces and the comma after the citation key',
    ],
  ])('reports %s', (_, text, message) => {
    expect(parseBibtex(text, 's').problems).toEqual([{ index: 1, line: 1, message }]);
  });

  test('reports a broken @string and reads the entries without it', () => {
    const text = '@string{jdt = "Unclosed}\n@article{a, title={Still read}}';
    const result = parseBibtex(text, 's');
    expect(result.records.map((r) => r.title)).toEqual(['Still read']);
    expect(result.problems).toMatchObject([{ index: 0, line: 1 }]);
  });

  test('skips @comment and @preamble blocks without counting them as entries', () => {
    const text = '@comment{exported by a tool}\n@preamble{"\\newcommand{\\x}{x}"}\n@article{a, title={Only}}';
    expect(parseBibtex(text, 's').records.map((r) => r.positionKey)).toEqual(['s-1']);
  });
});

describe('parseCslJson', () => {
  test('reads CSL items, including literal names and date parts', () => {
    const text = JSON.stringify([
      {
        type: 'article-journal',
        title: 'Demo CSL item',
        author: [
          { family: 'Example', given: 'Alice' },
          { literal: 'Demo Consortium' },
          { family: 'Berg', given: 'Ben', 'non-dropping-particle': 'van den' },
        ],
        issued: { 'date-parts': [[2015, 4]] },
        'container-title': 'Journal of Demo Telepsychology',
        volume: 7,
        page: 'e31',
        DOI: '10.5555/Demo.015',
        PMID: '39990015',
      },
    ]);
    expect(parseCslJson(text, 'zotero').records).toEqual([
      {
        key: '10.5555/demo.015',
        source: 'zotero',
        title: 'Demo CSL item',
        year: 2015,
        authors: ['Example, Alice', 'Demo Consortium', 'van den Berg, Ben'],
        journal: 'Journal of Demo Telepsychology',
        volume: '7',
        pages: 'e31',
        doi: '10.5555/demo.015',
        pmid: '39990015',
      },
    ]);
  });

  test('accepts a single item as well as a list', () => {
    expect(parseCslJson('{"title": "One"}', 's').records.map((r) => r.positionKey)).toEqual(['s-1']);
  });

  test.each([
    ['text that is not JSON', '[{"title": ', 0, /^the file is not valid JSON: /],
    ['an item that is not an object', '["just text"]', 1, /^item 1 is not a CSL-JSON object$/],
    ['an item without a title', '[{"DOI": "10.5555/x"}]', 1, /^item 1 has no title \("title"\)$/],
  ])('reports %s', (_, text, index, message) => {
    const { problems } = parseCslJson(text, 's');
    expect(problems).toHaveLength(1);
    expect(problems[0]?.index).toBe(index);
    expect(problems[0]?.line).toBeNull();
    expect(problems[0]?.message).toMatch(message);
  });
});
