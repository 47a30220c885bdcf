// Astro configuration. Environment variables let tests, benchmarks and other teams build other
// datasets with the same engine:
//   CONTENT_DIR  folder of records (default "content")
//   OUT_DIR      where the built site goes (default "dist")
//   SITE_URL     the site's public origin, used in citations, canonical links, feed and sitemap
//                (default http://localhost:4321, which citations do not call stable)
//   REPO_URL     the public repository, for record and correction links (see src/data/site.ts)
//   BASE_PATH    path the site is served under, e.g. "/rapport" on GitHub Pages (default "/")
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';
import validateContent from './src/integrations/validate.ts';
import sitemap from './src/integrations/sitemap.ts';
import studyCiteFiles from './src/integrations/study-cite-files.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const search = pagefind();

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  // Pages are rendered four at a time: a page's file writes then overlap with the next page's rendering.
  build: { format: 'directory', concurrency: 4 },
  // validateContent first: on `astro build` it runs npm run validate's checks and stops on an error
  // before any content is loaded; on `astro dev` it prints the problems before serving.
  // studyCiteFiles writes each study's cite.bib, cite.ris and cite.csl.json after the build (and serves them in dev).
  // Pagefind indexes in its own process: started first after the build, awaited last, so the
  // citation files and the sitemap are written while it works.
  integrations: [validateContent(), mdx(), search.start, studyCiteFiles(), sitemap(), search.finish],
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    build: { assetsInlineLimit: 0 },
    // The dev server need not watch built sites: test and benchmark builds under .builds/ hold tens
    // of thousands of files, enough to exhaust the system's file watchers.
    server: { watch: { ignored: ['**/.builds/**', '**/.bench/**', '**/dist/**'] } },
  },
});
