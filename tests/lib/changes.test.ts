// src/lib/changes.ts and src/lib/feed.ts: the list of changes and its Atom feed (RFC 4287).
import { describe, expect, test } from 'vitest';
import { deriveChanges, type ChangedStudy } from '../../src/lib/changes';
import { atomFeed, escapeXml } from '../../src/lib/feed';
import { childText, childrenNamed, parseXml } from '../helpers/xml';

const study = (id: string, added: string, updated: string, title = `Study ${id}`): ChangedStudy => ({
  id,
  title,
  label: `${id} (2010)`,
  added,
  updated,
});

describe('deriveChanges', () => {
  test('lists each addition, and each later update, newest first', () => {
    const changes = deriveChanges([study('a', '2026-01-01', '2026-03-01'), study('b', '2026-02-01', '2026-02-01')]);
    expect(changes.map((c) => [c.studyId, c.kind, c.date])).toEqual([
      ['a', 'updated', '2026-03-01'],
      ['b', 'added', '2026-02-01'],
      ['a', 'added', '2026-01-01'],
    ]);
  });

  test('takes a later git date as the update’s date, and says so', () => {
    const [latest] = deriveChanges([study('a', '2026-01-01', '2026-01-01')], new Map([['a', '2026-04-01']]));
    expect(latest).toMatchObject({ kind: 'updated', date: '2026-04-01', source: 'git' });
  });

  test('ignores a git date no later than the provenance dates', () => {
    const changes = deriveChanges([study('a', '2026-01-01', '2026-02-01')], new Map([['a', '2026-01-15']]));
    expect(changes.map((c) => [c.kind, c.date, c.source])).toEqual([
      ['updated', '2026-02-01', 'provenance'],
      ['added', '2026-01-01', 'provenance'],
    ]);
  });

  test('orders an addition before an update of the same day', () => {
    const changes = deriveChanges([study('b', '2026-01-01', '2026-05-01'), study('a', '2026-05-01', '2026-05-01')]);
    expect(changes.slice(0, 2).map((c) => c.kind)).toEqual(['added', 'updated']);
  });
});

describe('atomFeed', () => {
  const link = (p: string) => `https://rapport.example.org${p}`;
  const changes = deriveChanges([
    study('cook-2002', '2026-01-01', '2026-03-01', 'Cook & Doyle: <online> "alliance"'),
    study('doe-2010', '2026-02-01', '2026-02-01'),
  ]);
  const xml = atomFeed({
    title: 'Rapport: changes',
    subtitle: 'Studies added or updated',
    author: 'Rapport contributors',
    link,
    changes,
    fallbackDate: '2026-12-01',
    rights: 'CC BY 4.0',
  });
  const feed = parseXml(xml);

  test('is well-formed XML in the Atom namespace', () => {
    expect(feed.name).toBe('feed');
    expect(feed.ns).toBe('http://www.w3.org/2005/Atom');
  });

  test('has the elements RFC 4287 requires of a feed: id, title, updated, author, a self link', () => {
    expect(childText(feed, 'id')).toBe('https://rapport.example.org/feed.xml');
    expect(childText(feed, 'title')).toBe('Rapport: changes');
    expect(childText(feed, 'updated')).toBe('2026-03-01T00:00:00Z');
    expect(childText(childrenNamed(feed, 'author')[0]!, 'name')).toBe('Rapport contributors');
    expect(childrenNamed(feed, 'link').map((l) => [l.attrs['rel'], l.attrs['href']])).toEqual([
      ['self', 'https://rapport.example.org/feed.xml'],
      ['alternate', 'https://rapport.example.org/changes/'],
    ]);
  });

  test('gives every entry a unique id, a title saying added or updated, an RFC 3339 date and a link to the study page', () => {
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(3);
    const ids = entries.map((e) => childText(e, 'id'));
    expect(new Set(ids).size).toBe(3);
    for (const e of entries) {
      expect(childText(e, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T00:00:00Z$/);
      expect(childText(e, 'title')).toMatch(/^(Added|Updated): /);
      expect(childrenNamed(e, 'link')[0]!.attrs['href']).toMatch(/^https:\/\/rapport\.example\.org\/studies\/[a-z0-9-]+\/$/);
      expect(childText(e, 'summary')).toBeTruthy();
    }
    expect(childText(entries[0]!, 'title')).toBe('Updated: cook-2002 (2010): Cook & Doyle: <online> "alliance"');
  });

  test('uses the fallback date when nothing has changed', () => {
    const empty = parseXml(
      atomFeed({ title: 't', subtitle: 's', author: 'a', link, changes: [], fallbackDate: '2026-12-01', rights: 'r' }),
    );
    expect(childText(empty, 'updated')).toBe('2026-12-01T00:00:00Z');
    expect(childrenNamed(empty, 'entry')).toHaveLength(0);
  });

  test('keeps only the newest entries up to the limit', () => {
    const few = parseXml(
      atomFeed({ title: 't', subtitle: 's', author: 'a', link, changes, fallbackDate: '2026-12-01', rights: 'r', limit: 1 }),
    );
    expect(childrenNamed(few, 'entry')).toHaveLength(1);
  });
});

describe('escapeXml', () => {
  test('escapes markup and drops characters XML 1.0 forbids', () => {
    expect(escapeXml('a < b & "c" \'d\' > \u0001e')).toBe('a &lt; b &amp; &quot;c&quot; &apos;d&apos; &gt; e');
  });
  test('an unescaped text would not parse, the escaped one does (the parser is strict)', () => {
    expect(() => parseXml('<a>x < y</a>')).toThrow();
    expect(parseXml(`<a>${escapeXml('x < y')}</a>`).text).toBe('x < y');
  });
});
