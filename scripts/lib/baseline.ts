// The benchmark's yardstick (npm run bench): a plain Astro site over the same study files as a
// Rapport build. One page per study from a content collection checked by a zod schema, one layout,
// nothing else; Pagefind is run over it separately. Written into a folder under the project, so
// Node finds Astro in the project's node_modules.
import fs from 'node:fs';
import path from 'node:path';

const config = `import { defineConfig } from 'astro/config';
export default defineConfig({
  outDir: process.env.OUT_DIR,
  cacheDir: process.env.ASTRO_CACHE_DIR,
  build: { format: 'directory' },
});
`;

const contentConfig = `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

const measure = z.object({ instrument: z.string(), rater: z.string(), timing: z.string().optional() });
const studies = defineCollection({
  loader: glob({ pattern: '*.yaml', base: \`\${process.env.CONTENT_DIR}/studies\` }),
  schema: z.object({
    id: z.string(),
    title: z.string(),
    year: z.number().int(),
    journal: z.string(),
    authors: z.array(z.string()).min(1),
    volume: z.string().optional(),
    issue: z.string().optional(),
    pages: z.string().optional(),
    doi: z.string().optional(),
    design: z.string(),
    population: z.string(),
    conditions: z.array(z.string()),
    sample_size: z.number().int().nullable(),
    modalities: z.array(z.string()).min(1),
    comparator: z.string(),
    alliance: z.object({ measures: z.array(measure), vs_face_to_face: z.string(), outcome_link: z.string() }),
    summary: z.string(),
    reviews: z.array(z.object({ review: z.string(), decision: z.string() })),
    provenance: z.object({
      verification: z.string(),
      unverified_fields: z.array(z.string()),
      sources: z.array(z.object({ url: z.string(), note: z.string().optional() })),
      added: z.coerce.string(),
      updated: z.coerce.string(),
    }),
  }),
});
export const collections = { studies };
`;

const page = `---
import { getCollection } from 'astro:content';
export async function getStaticPaths() {
  const studies = await getCollection('studies');
  return studies.map((entry) => ({ params: { id: entry.id }, props: { study: entry.data } }));
}
const { study } = Astro.props;
---
<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>{study.title}</title></head>
  <body>
    <main data-pagefind-body>
      <h1>{study.title}</h1>
      <p>{study.authors.join('; ')} ({study.year}). {study.journal}.</p>
      <p>{study.summary}</p>
      <dl>
        <dt>Design</dt><dd>{study.design}</dd>
        <dt>Participants</dt><dd>{study.population}</dd>
        <dt>Sample size</dt><dd>{study.sample_size ?? 'not reported'}</dd>
        <dt>Delivery</dt><dd>{study.modalities.join(', ')}</dd>
        <dt>Alliance</dt><dd>{study.alliance.measures.map((m) => m.instrument).join(', ')}: {study.alliance.vs_face_to_face}</dd>
      </dl>
    </main>
  </body>
</html>
`;

/** Writes the plain Astro project into `dir` (its pages read CONTENT_DIR); returns `dir`. */
export function writeBaselineSite(dir: string): string {
  fs.mkdirSync(path.join(dir, 'src/pages/studies'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'astro.config.mjs'), config);
  fs.writeFileSync(path.join(dir, 'src/content.config.ts'), contentConfig);
  fs.writeFileSync(path.join(dir, 'src/pages/studies/[id].astro'), page);
  return dir;
}
