// A guide is stale when a record it cites changed after the guide was reviewed.
import { describe, expect, test } from 'vitest';
import { checkGuideStaleness, checkUpdatedDates, deriveStaleness, lastChanged, unbumpedChanges } from '../../../src/lib/guidance/staleness';
import { makeStudy } from '../../helpers/factories';

const updated = (id: string, date: string) =>
  makeStudy({ id, provenance: { verification: 'abstract', unverified_fields: [], sources: [], added: '2026-01-01', updated: date } });
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
      {
        file: 'content/guides/g.mdx',
        line: 5,
        path: 'reviewed',
        severity: 'warning',
        message:
          'is 2026-04-15, but cited records changed since: b-2002 (changed 2026-05-10). Check the guidance against them, then update "reviewed"',
      },
    ]);
  });

  test('says nothing about a guide reviewed since', () => {
    expect(checkGuideStaleness({ file: 'content/guides/g.mdx', reviewed: '2026-05-10' }, cited)).toEqual([]);
  });
});

describe('staleness from git history', () => {
  const record = updated('a-2001', '2026-03-01');

  test('flags a guide when a cited record changed in git after the review, though its date was not bumped', () => {
    const git = new Map([['a-2001', '2026-07-01']]);
    expect(deriveStaleness('2026-06-01', [record], git)).toEqual({ stale: true, changed: [{ id: 'a-2001', updated: '2026-07-01' }] });
    expect(lastChanged(record, git)).toBe('2026-07-01');
  });

  test('trusts git only for a change that left the date as it was', () => {
    const changes = new Map([
      ['a', { date: '2026-07-01', touchedUpdated: false }],
      ['b', { date: '2026-07-01', touchedUpdated: true }],
      ['c', { date: '2026-07-01', touchedUpdated: null }],
    ]);
    expect([...unbumpedChanges(changes)]).toEqual([['a', '2026-07-01']]);
  });

  test('falls back to provenance.updated outside a git checkout, and takes the later of the two dates', () => {
    expect(lastChanged(record)).toBe('2026-03-01');
    expect(lastChanged(record, new Map([['a-2001', '2026-01-01']]))).toBe('2026-03-01');
  });

  test.each([
    ['a change that left the date as it was', { date: '2026-07-01', touchedUpdated: false }, 1],
    ['a change that also set the date', { date: '2026-07-01', touchedUpdated: true }, 0],
    ['the commit that created the record', { date: '2026-07-01', touchedUpdated: null }, 0],
    ['a change on the day the record says', { date: '2026-03-01', touchedUpdated: false }, 0],
  ])('warns about provenance.updated after %s: %i warnings', (_, change, warnings) => {
    const problems = checkUpdatedDates([{ file: 'content/studies/a-2001.yaml', data: record }], new Map([['a-2001', change]]));
    expect(problems).toHaveLength(warnings);
    if (warnings)
      expect(problems[0]).toMatchObject({
        path: 'provenance.updated',
        severity: 'warning',
        message: expect.stringContaining('changed on 2026-07-01 without it'),
      });
  });
});
