// Builds the Pagefind search index over the finished site (astro:build:done).
//
// Pagefind indexes in its own process, so the Node process is free meanwhile: `pagefind()` gives two
// integrations, `start` (listed before the other build:done work: the study citation files and the
// sitemap) and `finish` (listed last), which waits for the index and fails the build on its errors.
// The citation files are then written while Pagefind reads the pages. (Handing each page to Pagefind
// as it was rendered, through Astro middleware, was tried and was slower on two cores: Pagefind then
// competes with the rendering for the same cores, and the hand-over costs the rendering thread time.)
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { createIndex, close } from 'pagefind';

/**
 * What the search index leaves out of a study page, besides what the page marks
 * `data-pagefind-ignore`: the furniture every study page shares (section headings, table heads) and
 * the lists of the reviews and guides a study appears in, so that a search finds a study by what is
 * particular to it, and a review's or a guide's title finds that page rather than every study it
 * lists. Selectors rather than attributes, so the pages carry no extra bytes for them (Pagefind's
 * HTML rewriter takes descendant and child selectors, not sibling ones).
 */
export const searchExclusions = [
  'article.study h2',
  'article.study thead',
  'article.study .study-reviews',
  'article.study .cited-by-guides',
];

/** Indexes every page under `site` and writes the index to `<site>/pagefind`; pages indexed, and ms.
 *  What `pagefind --site` does (with `excludeSelectors`); npm run bench runs it over the plain Astro
 *  baseline with none. */
export async function indexSite(site: string, excludeSelectors: string[] = []): Promise<{ pages: number; ms: number }> {
  const started = performance.now();
  const { index, errors } = await createIndex({ excludeSelectors });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: site });
    if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: `${site}/pagefind` });
    if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    return { pages: added.page_count, ms: Math.round(performance.now() - started) };
  } finally {
    await close();
  }
}

export default function pagefind(): { start: AstroIntegration; finish: AstroIntegration } {
  let indexing: Promise<{ pages: number; ms: number }> | undefined;
  return {
    start: {
      name: 'rapport-pagefind',
      hooks: {
        'astro:build:done': ({ dir }) => {
          indexing = indexSite(fileURLToPath(dir), searchExclusions);
          indexing.catch(() => undefined); // reported when `finish` awaits it
        },
      },
    },
    finish: {
      name: 'rapport-pagefind-finish',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (!indexing) throw new Error('Pagefind was not started: list pagefind().start before pagefind().finish');
          const { pages, ms } = await indexing;
          logger.info(`indexed ${pages} pages in ${ms} ms (while the citation files and the sitemap were written)`);
        },
      },
    },
  };
}
