// Stable addresses: a renamed study's old address redirects to its new page.
import fs from 'node:fs';
import path from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { buildSite, tempDir } from '../helpers/build';
import { reviewInput, studyInput } from '../helpers/factories';

describe('a renamed study', () => {
  const content = tempDir('renamed');
  fs.mkdirSync(path.join(content, 'studies'));
  fs.mkdirSync(path.join(content, 'reviews'));
  fs.writeFileSync(path.join(content, 'reviews/test-review.yaml'), yaml.dump(reviewInput()));
  fs.writeFileSync(path.join(content, 'studies/doe-2010.yaml'), yaml.dump(studyInput({ previous_ids: ['doe-2009'] })));
  const build = buildSite(content);

  test('builds', () => {
    expect(build.output).not.toMatch(/\[ERROR\]/);
    expect(build.code).toBe(0);
  });

  test('leaves a redirect page at its old address that points to the new one', () => {
    const html = fs.readFileSync(path.join(build.outDir, 'studies/doe-2009/index.html'), 'utf8');
    expect(html).toMatch(/http-equiv="refresh" content="0;url=\/studies\/doe-2010\/"/);
    expect(html).toContain('rel="canonical" href="http://localhost:4321/studies/doe-2010/"');
  });

  test('publishes the study once, at its new address', () => {
    expect(fs.readFileSync(path.join(build.outDir, 'studies/doe-2010/index.html'), 'utf8')).toContain('A trial of videoconference therapy');
  });
});
