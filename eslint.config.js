// ESLint holds the layering of docs/architecture.md: which folder may import which. The rules
// resolve each import to a file, so a relative path cannot slip past them.
// `npm run lint` runs ESLint and Prettier; tests/lint/boundaries.test.ts shows that a planted
// violation fails.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

/** A zone of `import-x/no-restricted-paths`: files in `target` may not import files in `from`. */
const zone = (target, from, message) => ({ target, from, message });

const layers = [
  // src/schemas: the one definition of a record; imports only zod.
  zone(
    './src/schemas',
    [
      './src/lib',
      './src/loaders',
      './src/data',
      './src/components',
      './src/pages',
      './src/layouts',
      './src/scripts',
      './scripts',
      './tests',
    ],
    'src/schemas imports only zod (astro/zod): it is the one definition of a record, shared by site, scripts and tests.',
  ),
  // src/lib: pure functions from values to values.
  zone(
    './src/lib',
    ['./src/loaders', './src/data', './src/components', './src/pages', './src/layouts', './src/scripts', './scripts', './tests'],
    'src/lib is pure: it may import src/schemas and pure libraries, never the loaders, the data layer, pages or scripts.',
  ),
  // src/loaders: the only code that reads content from disk.
  zone(
    './src/loaders',
    ['./src/data', './src/components', './src/pages', './src/layouts', './src/scripts', './scripts', './tests'],
    'src/loaders reads content from disk for everyone: it may import src/schemas and src/lib only.',
  ),
  // Nothing in src/ depends on the command-line tools or the tests.
  zone('./src', ['./scripts', './tests'], 'Nothing in src/ imports scripts/ or tests/: the site must build without them.'),
  // Scripts are thin CLIs over src/lib, src/schemas and src/loaders.
  zone(
    './scripts',
    ['./src/data', './src/pages', './src/components', './src/layouts', './tests'],
    'scripts/ call src/lib, src/schemas and src/loaders; they never import the data layer, pages, components or tests.',
  ),
];

export default tseslint.config(
  { ignores: ['dist/**', '.astro/**', '.builds/**', '.bench/**', 'node_modules/**', 'coverage/**', 'public/**', 'tests/fixtures/**'] },
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': ['error', { zones: layers }],
      // src/lib is pure: no astro:* runtime, no file system, no child processes.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/lib/**/*.ts', 'src/schemas/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['astro:*'], message: 'src/lib and src/schemas run outside Astro (scripts, tests): no astro:* imports.' },
            {
              group: ['node:fs', 'fs', 'node:fs/*', 'node:child_process', 'child_process'],
              message: 'src/lib is pure: file and process access belongs in src/loaders.',
            },
          ],
        },
      ],
    },
  },
);
