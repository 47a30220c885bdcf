// Astro configuration. Environment variables let tests, benchmarks and other teams build other
// datasets with the same engine:
//   CONTENT_DIR  folder of records (default "content")
//   OUT_DIR      where the built site goes (default "dist")
//   SITE_URL     the site's public origin, used in citations (default http://localhost:4321)
//   BASE_PATH    path the site is served under, e.g. "/rapport" on GitHub Pages (default "/")
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import pagefind from './src/integrations/pagefind.ts';
import validateContent from './src/integrations/validate.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';

export default defineConfig({
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR ?? './node_modules/.astro',
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // validateContent first: on `astro build` it runs npm run validate's checks and stops on an error
  // before any content is loaded; on `astro dev` it prints the problems before serving.
  integrations: [validateContent(), mdx(), pagefind()],
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    build: { assetsInlineLimit: 0 },
  },
});
