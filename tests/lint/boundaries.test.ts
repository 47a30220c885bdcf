// The layering of docs/architecture.md holds by itself: ESLint fails on an import that crosses a
// layer the wrong way. Each case plants one violation (as text at a path in the tree, nothing is
// written) and expects the rule to name it; the whole tree must lint clean.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

/** The rule ids ESLint reports for `code` as if it were the file `file`. */
async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('layer boundaries', () => {
  test.each([
    ['src/lib/planted.ts', "import { getStudies } from '../data/studies';", 'src/lib is pure'],
    ['src/lib/prisma/planted.ts', "import { contentDir } from '../../loaders/content-dir';", 'src/lib is pure'],
    ['src/lib/planted.ts', "import { getCollection } from 'astro:content';", 'no astro:* imports'],
    ['src/lib/planted.ts', "import fs from 'node:fs';", 'file and process access belongs in src/loaders'],
    ['src/data/planted.ts', "import { buildSite } from '../../tests/helpers/build';", 'Nothing in src/ imports scripts/ or tests/'],
    ['src/data/planted.ts', "import { main } from '../../scripts/validate';", 'Nothing in src/ imports scripts/ or tests/'],
    ['src/schemas/planted.ts', "import { formatCount } from '../lib/format';", 'src/schemas imports only zod'],
    ['src/loaders/planted.ts', "import { getStudies } from '../data/studies';", 'src/loaders reads content from disk for everyone'],
    ['scripts/planted.ts', "import { getStudies } from '../src/data/studies';", 'scripts/ call src/lib'],
    ['scripts/planted.ts', "import { makeStudy } from '../tests/helpers/factories';", 'scripts/ call src/lib'],
  ])('%s: `%s` fails', async (file, code, message) => {
    expect((await violations(file, code)).join('\n')).toContain(message);
  });

  test.each([
    ['src/lib/planted.ts', "import { studySchema } from '../schemas';"],
    ['src/data/planted.ts', "import { deriveSummary } from '../lib/summary';"],
    ['scripts/planted.ts', "import { formatCount } from '../src/lib/format';"],
    ['tests/planted.test.ts', "import { getStudies } from '../src/data/studies';"],
  ])('%s: `%s` is allowed', async (file, code) => {
    expect(await violations(file, code)).toEqual([]);
  });

  test('the whole tree passes the layer rules', async () => {
    const results = await eslint.lintFiles(['src', 'scripts', 'tests']);
    const faults = results.flatMap((r) => r.messages.map((m) => `${path.relative(root, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`));
    expect(faults).toEqual([]);
  }, 60_000);
});
