// The Nu HTML Checker over every built page: 0 errors. A planted fault shows the check can fail.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { formatVnuMessage, javaFound, vnuErrors } from '../helpers/vnu';

const page = (body: string) =>
  `<!doctype html>\n<html lang="en">\n<head><meta charset="utf-8"><title>t</title></head>\n<body>\n${body}\n</body>\n</html>\n`;

describe.skipIf(!javaFound)('the Nu HTML Checker', () => {
  test('reports the faults planted in a page and nothing in a valid one', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-vnu-'));
    fs.writeFileSync(path.join(dir, 'good.html'), page('<main><h1>Fine</h1><p>A valid page.</p></main>'));
    fs.mkdirSync(path.join(dir, 'bad'));
    fs.writeFileSync(
      path.join(dir, 'bad', 'index.html'),
      page('<main><h1 id="x">Bad</h1><p id="x">Twice the same id.</p><img src="a.png"><ul><p>Not a list item.</p></ul></main>'),
    );
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not HTML, skipped');
    try {
      const lines = vnuErrors(dir).map((m) => formatVnuMessage(dir, m));
      expect(lines.every((l) => l.startsWith(`bad${path.sep}index.html:`))).toBe(true);
      expect(lines.join('\n')).toMatch(/Duplicate ID “x”/);
      expect(lines.join('\n')).toMatch(/An “img” element must have an “alt” attribute/);
      expect(lines.join('\n')).toMatch(/Element “p” not allowed as child of element “ul”/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('finds no error in any page of the built site', { timeout: 300_000 }, () => {
    const dir = inject('siteDir');
    expect(fs.readdirSync(dir)).toContain('index.html');
    const lines = vnuErrors(dir).map((m) => formatVnuMessage(dir, m));
    expect(lines).toEqual([]);
  });
});
