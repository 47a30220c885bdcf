import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseRis } from '../../../src/lib/bibliography';
import { contentKey, fnv1a64, isContentKey, keyMigrations, normaliseKeyText, stableKey } from '../../../src/lib/screening/keys';

const fixture = path.resolve(import.meta.dirname, '../../fixtures/tracked/content/reviews/demo-review/records/psycinfo.ris');

describe('fnv1a64', () => {
  // Reference values of the FNV-1a 64-bit hash (the FNV authors' test vectors).
  test.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j to %s', (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });

  test('agrees with a BigInt implementation on non-ASCII and long text', () => {
    const reference = (text: string) => {
      let h = 0xcbf29ce484222325n;
      for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & ((1n << 64n) - 1n);
      return h.toString(16).padStart(16, '0');
    };
    for (const text of ['Évaluation: e-Therapy!', 'Ψυχοθεραπεία 心理 🧠', 'x'.repeat(1000)]) expect(fnv1a64(text)).toBe(reference(text));
  });
});

describe('contentKey', () => {
  // Pinned: a change here orphans every vote written with the old keys.
  test.each([
    [{ title: 'Demo commentary on the ethics of online therapy', year: 2011, authors: ['Nomen, Nina'] }, 't:nomen-2011-491810f372ed'],
    [{ title: 'Évaluation: e-Therapy!', year: 2010, authors: ['Müller, Jörg'] }, 't:muller-2010-2bd45c31b378'],
    [{ title: 'A title', year: null, authors: [] }, 't:anon-nd-0e7e6cb8b255'],
  ])('names %j as %s', (fields, key) => {
    expect(contentKey(fields)).toBe(key);
  });

  test('ignores case, accents, punctuation, markup and spacing in the title and the author', () => {
    const a = contentKey({ title: 'Évaluation: e-Therapy!', year: 2010, authors: ['Müller, Jörg'] });
    expect(contentKey({ title: 'evaluation  e therapy', year: 2010, authors: ['MULLER, J.'] })).toBe(a);
    expect(contentKey({ title: '<i>Évaluation</i>: e‐Therapy', year: 2010, authors: ['Müller, Jörg', 'Other, A.'] })).toBe(a);
  });

  test.each([
    ['another year', { title: 'Évaluation: e-Therapy!', year: 2011, authors: ['Müller, Jörg'] }],
    ['another first author', { title: 'Évaluation: e-Therapy!', year: 2010, authors: ['Meier, Jörg'] }],
    ['another title', { title: 'Évaluation: e-Therapy 2', year: 2010, authors: ['Müller, Jörg'] }],
  ])('changes with %s', (_, fields) => {
    expect(contentKey(fields)).not.toBe(contentKey({ title: 'Évaluation: e-Therapy!', year: 2010, authors: ['Müller, Jörg'] }));
  });

  test('names an organisation author by its whole name, cut to 24 characters', () => {
    expect(contentKey({ title: 'A title', year: 2001, authors: ['World Health Organization International Agency'] })).toMatch(
      /^t:worldhealthorganizationi-2001-[0-9a-f]{12}$/,
    );
  });

  test('is the same whatever order the export lists the records in', () => {
    const text = fs.readFileSync(fixture, 'utf8');
    const entries = text.split(/\n(?=TY {2}- )/);
    const forward = parseRis(text, 'psycinfo').records.map(contentKey);
    const backward = parseRis([...entries].reverse().join('\n'), 'psycinfo').records.map(contentKey);
    expect([...backward].reverse()).toEqual(forward);
    expect(new Set(forward).size).toBe(forward.length);
  });

  test('is recognised as a content key, and a DOI or positional key is not', () => {
    expect(isContentKey('t:nomen-2011-491810f372ed')).toBe(true);
    expect(isContentKey('t:anon-nd-0e7e6cb8b255')).toBe(true);
    expect(isContentKey('psycinfo-7')).toBe(false);
    expect(isContentKey('10.5555/demo.101')).toBe(false);
  });
});

describe('stableKey', () => {
  test.each([
    ['the DOI, lower case', { title: 'T', year: 2000, authors: [], doi: '10.5555/ABC', pmid: '12' }, '10.5555/abc'],
    ['pmid:<n> without a DOI', { title: 'T', year: 2000, authors: [], pmid: '12' }, 'pmid:12'],
    [
      'the content key without either',
      { title: 'T', year: 2000, authors: ['Roe, R.'] },
      contentKey({ title: 'T', year: 2000, authors: ['Roe, R.'] }),
    ],
  ])('is %s', (_, fields, key) => {
    expect(stableKey(fields)).toBe(key);
  });
});

describe('keyMigrations', () => {
  test('maps the fixture positional keys (psycinfo-7, -11, -13) to content keys', () => {
    const { records } = parseRis(fs.readFileSync(fixture, 'utf8'), 'psycinfo');
    const migrations = keyMigrations(records);
    expect(migrations.map((m) => m.from)).toEqual(['psycinfo-7', 'psycinfo-11', 'psycinfo-13']);
    expect(migrations[0]?.to).toBe(
      contentKey({ title: 'Demo évaluation of an online self-help programme', year: 2013, authors: ['Müller, Anna'] }),
    );
    for (const m of migrations) expect(isContentKey(m.to)).toBe(true);
  });

  test('leaves records with a DOI or a PMID alone', () => {
    expect(keyMigrations([{ key: '10.1/x' }, { key: 'pmid:12' }])).toEqual([]);
  });
});

test('normaliseKeyText keeps letters and digits only, folded', () => {
  expect(normaliseKeyText('Évaluation: e-Therapy! (2nd ed.)')).toBe('evaluationetherapy2nded');
});
