// The loader that asks git when each study record last changed, on a throw-away repository.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { lastChangeDates, studyChanges } from '../../src/loaders/git-history';

function commitAt(dir: string, date: string, files: Record<string, string>) {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  const env = { ...process.env, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` };
  execFileSync('git', ['add', '-A'], { cwd: dir, env });
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '-qm', date], { cwd: dir, env });
}

describe('studyChanges', () => {
  test('gives each study the date of the last commit that touched it, and today for uncommitted edits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-git-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    commitAt(dir, '2026-01-10', { 'content/studies/a-2001.yaml': 'id: a-2001\n', 'content/studies/b-2002.yaml': 'id: b-2002\n' });
    commitAt(dir, '2026-03-05', { 'content/studies/a-2001.yaml': 'id: a-2001\nyear: 2001\n' });
    fs.writeFileSync(path.join(dir, 'content/studies/b-2002.yaml'), 'id: b-2002\nyear: 2002\n');
    const changes = studyChanges(path.join(dir, 'content'));
    expect(changes.get('a-2001')?.date).toBe('2026-03-05');
    expect(changes.get('b-2002')?.date).toBe(new Date().toISOString().slice(0, 10));
  });

  test("says whether the last change touched the record's updated date, and treats creation apart", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-git-'));
    execFileSync('git', ['init', '-q'], { cwd: dir });
    const record = (year: number, updated: string) => `id: x\nyear: ${year}\nprovenance:\n  updated: ${updated}\n`;
    commitAt(dir, '2026-01-10', {
      'content/studies/a.yaml': record(2001, '2026-01-10'),
      'content/studies/b.yaml': record(2002, '2026-01-10'),
      'content/studies/c.yaml': record(2003, '2026-01-10'),
    });
    commitAt(dir, '2026-02-01', {
      'content/studies/a.yaml': record(2011, '2026-01-10'),
      'content/studies/b.yaml': record(2012, '2026-02-01'),
    });
    fs.writeFileSync(path.join(dir, 'content/studies/c.yaml'), record(2013, '2026-01-10'));
    const changes = studyChanges(path.join(dir, 'content'));
    expect(changes.get('a')).toEqual({ date: '2026-02-01', touchedUpdated: false });
    expect(changes.get('b')).toEqual({ date: '2026-02-01', touchedUpdated: true });
    expect(changes.get('c')?.touchedUpdated).toBe(false);
    commitAt(dir, '2026-03-01', { 'content/studies/d.yaml': record(2014, '2026-03-01') });
    expect(studyChanges(path.join(dir, 'content')).get('d')).toEqual({ date: '2026-03-01', touchedUpdated: null });
  });

  test('returns nothing outside a git checkout, so callers fall back to provenance.updated', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-nogit-'));
    expect(lastChangeDates(dir)).toBeNull();
    expect(studyChanges(dir).size).toBe(0);
  });
});
