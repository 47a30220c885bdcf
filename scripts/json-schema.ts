// npm run schemas [-- --check]
// Writes public/schemas/{study,review,guide}.schema.json and the field tables in CONTRIBUTING.md
// from the zod schemas. With --check, writes nothing and exits 1 if any of them is out of date.
import fs from 'node:fs';
import path from 'node:path';
import { contributingWithFields, jsonSchemaFiles } from '../src/lib/validation/schema-docs';

const root = path.resolve(import.meta.dirname, '..');
const check = process.argv.includes('--check');

try {
  const contributing = path.join(root, 'CONTRIBUTING.md');
  const outputs = [...jsonSchemaFiles(), { path: 'CONTRIBUTING.md', text: contributingWithFields(fs.readFileSync(contributing, 'utf8')) }];
  const stale = outputs.filter((o) => {
    const file = path.join(root, o.path);
    return !fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== o.text;
  });
  if (check) {
    for (const o of stale) console.log(`${o.path}: out of date with src/schemas; run npm run schemas`);
    console.log(
      stale.length
        ? `✗ ${stale.length} generated file(s) out of date`
        : '✓ JSON Schema files and CONTRIBUTING.md field tables are up to date',
    );
    process.exitCode = stale.length ? 1 : 0;
  } else {
    for (const o of stale) {
      fs.mkdirSync(path.dirname(path.join(root, o.path)), { recursive: true });
      fs.writeFileSync(path.join(root, o.path), o.text, 'utf8');
      console.log(`wrote ${o.path}`);
    }
    if (stale.length === 0) console.log('JSON Schema files and CONTRIBUTING.md field tables are up to date');
  }
} catch (error) {
  console.error(`schemas: ${(error as Error).message}`);
  process.exitCode = 2;
}
