// A guide is stale when a record it cites changed after the guide was reviewed.
import { describe, expect, test } from 'vitest';
import { checkGuideStaleness, deriveStaleness } from '../../../src/lib/guidance/staleness';
import { makeStudy } from '../../helpers/factories';

const updated = (id: string, date: string) => makeStudy({ id, provenance: { verification: 'abstract', unverified_fields: [], sources: [], added: '2026-01-01', updated: date } });
const cited = [updated('a-2001', '2026-03-01'), updated('b-2002', '2026-05-10'), updated('c-2003', '2026-04-01')];

describe('deriveStaleness', () => {
  test.each([
    ['reviewed after every update', '2026-06-01', []],
    ['reviewed on the day of the last update', '2026-05-10', []],
    ['reviewed before two updates', '2026-03-15', ['b-2002', 'c-2003']],
    ['reviewed before all of them', '2025-12-31', ['b-2002', 'c-2003', 'a-2001']],
  ])('a guide %s lists the records changed since, most recent first', (_, reviewed, ids) => {
    const result = deriveStaleness(reviewed, cited);
    expect(result.changed.map((c) => c.id)).toEqual(ids);
    expect(result.stale).toBe(ids.length > 0);
  });

  test('a guide that cites nothing is never stale', () => {
    expect(deriveStaleness('2000-01-01', [])).toEqual({ stale: false, changed: [] });
  });
});

describe('checkGuideStaleness', () => {
  test('warns on the reviewed line, naming each changed record and its date', () => {
    expect(checkGuideStaleness({ file: 'content/guides/g.mdx', reviewed: '2026-04-15', line: 5 }, cited)).toEqual([
      { file: 'content/guides/g.mdx', line: 5, path: 'reviewed', severity: 'warning', message: 'is 2026-04-15, but cited records changed since: b-2002 (updated 2026-05-10). Check the guidance against them, then update "reviewed"' },
    ]);
  });

  test('says nothing about a guide reviewed since', () => {
    expect(checkGuideStaleness({ file: 'content/guides/g.mdx', reviewed: '2026-05-10' }, cited)).toEqual([]);
  });
});
