// Builds the Pagefind search index of the site.
//
// Pagefind indexes in its own process, so the build can go on meanwhile. The study pages, which are
// nearly all of the site, are indexed from their records (src/lib/study-search.ts: the same facts,
// labels and filters as the page) as soon as the build starts, so Pagefind works on them on the
// second core while Astro bundles and renders. After the build, the other pages are indexed from
// their HTML (only those marked `data-pagefind-body`: when any page is, Pagefind indexes no other),
// and the index is written.
//
// `pagefind()` gives two integrations: `start`, listed before the other build:done work (the study
// citation files, the sitemap), which adds the built pages and starts the writing, and `finish`,
// listed last, which waits for the index and fails the build on its errors. (Handing each rendered
// page's HTML to Pagefind through Astro middleware was tried and was slower on two cores: the
// hand-over costs the rendering thread more than a record does.)
import type { AstroIntegration } from 'astro';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createIndex, close, type PagefindIndex } from 'pagefind';
import { checkedContent } from '../loaders/checked-content';
import { studySearchRecord } from '../lib/study-search';

/** Throws the first of Pagefind's errors, saying what it was doing. */
function check(doing: string, errors: string[]): void {
  if (errors.length) throw new Error(`Pagefind could not ${doing}: ${errors.join('; ')}`);
}

async function startIndex(): Promise<PagefindIndex> {
  const { index, errors } = await createIndex({});
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  return index;
}

/** Indexes every page under `site` and writes the index to `<site>/pagefind`; pages indexed, and ms.
 *  What `pagefind --site` does: npm run bench runs it over the plain Astro baseline. */
export async function indexSite(site: string): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const index = await startIndex();
  try {
    const added = await index.addDirectory({ path: site });
    check('index the site', added.errors);
    check('write its index', (await index.writeFiles({ outputPath: `${site}/pagefind` })).errors);
    return { pages: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await close();
  }
}

/** Every HTML file under `dir`, as paths relative to it, but none in the folders `skip` names. */
function htmlFiles(dir: string, skip: Set<string>, under = ''): string[] {
  return fs.readdirSync(path.join(dir, under), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(under, entry.name);
    if (entry.isDirectory()) return skip.has(relative) ? [] : htmlFiles(dir, skip, relative);
    return entry.name.endsWith('.html') ? [relative] : [];
  });
}

/** The pages to index from their HTML: those marked `data-pagefind-body`. The study pages are indexed
 *  from their records and carry no such mark; their folders (`studies/<id>/`, which hold nothing
 *  else) are not even read, as reading 10,000 pages to drop them took time. */
function pagesToRead(site: string, studyIds: string[]): { sourcePath: string; content: string }[] {
  return htmlFiles(site, new Set(studyIds.map((id) => path.join('studies', id))))
    .map((file) => ({ sourcePath: file, content: fs.readFileSync(path.join(site, file), 'utf8') }))
    .filter((page) => page.content.includes('data-pagefind-body'));
}

interface Indexing {
  started: number;
  index: Promise<PagefindIndex>;
  /** The ids of the studies given as records: their pages are not read again after the build. */
  studyIds: string[];
}

/** Starts Pagefind and gives it every study record the build checked. */
function indexStudies(): Indexing {
  const started = performance.now();
  const content = checkedContent();
  if (!content) throw new Error('the search index needs the records the build checked (src/integrations/validate.ts runs first)');
  const studies = content.studies.map((s) => s.data);
  const records = studies.map(studySearchRecord);
  const index = startIndex().then(async (index) => {
    const added = await Promise.all(records.map((record) => index.addCustomRecord(record)));
    check(
      'index the study records',
      added.flatMap((a) => a.errors),
    );
    return index;
  });
  return { started, index, studyIds: studies.map((s) => s.id) };
}

/** What the index took: pages indexed, ms since Pagefind started, and ms after the pages were built (what the build waited for it). */
interface Indexed {
  pages: number;
  ms: number;
  afterBuildMs: number;
}

/** Adds the built pages that are indexed from their HTML and writes the index. */
async function finishIndex(indexing: Indexing, site: string): Promise<Indexed> {
  const built = performance.now();
  try {
    const index = await indexing.index;
    const pages = pagesToRead(site, indexing.studyIds);
    const added = await Promise.all(pages.map((page) => index.addHTMLFile(page)));
    check(
      'index the pages',
      added.flatMap((a) => a.errors),
    );
    check('write its index', (await index.writeFiles({ outputPath: path.join(site, 'pagefind') })).errors);
    const now = performance.now();
    return {
      pages: indexing.studyIds.length + pages.length,
      ms: Math.round(now - indexing.started),
      afterBuildMs: Math.round(now - built),
    };
  } finally {
    await close();
  }
}

export default function pagefind(): { start: AstroIntegration; finish: AstroIntegration } {
  let studies: Indexing | undefined;
  let indexing: Promise<Indexed> | undefined;
  return {
    start: {
      name: 'rapport-pagefind',
      hooks: {
        'astro:build:start': () => {
          studies = indexStudies();
          studies.index.catch(() => undefined); // reported when `finish` awaits it
        },
        'astro:build:done': ({ dir }) => {
          if (!studies) throw new Error('Pagefind was not started at the start of the build');
          indexing = finishIndex(studies, fileURLToPath(dir));
          indexing.catch(() => undefined); // reported when `finish` awaits it
        },
      },
    },
    finish: {
      name: 'rapport-pagefind-finish',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!indexing) throw new Error('Pagefind was not started: list pagefind().start before pagefind().finish');
          const { pages, ms, afterBuildMs } = await indexing;
          // npm run bench reads this line.
          logger.info(
            `indexed ${pages} pages, ready ${afterBuildMs} ms after the pages were built (the ${studies?.studyIds.length ?? 0} studies from their records while the site was built; ${ms} ms in all)`,
          );
        },
      },
    },
  };
}
