// Astro content collections: the same schemas that scripts and tests use (src/schemas). Studies and
// reviews come through src/loaders/records-loader.ts: in a build, nothing (the pages take the records
// the build checked, through src/data); otherwise the files, through Astro's glob loader.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema, reviewSchema, studySchema } from './schemas';
import { contentDir } from './loaders/content-dir';
import { recordsLoader } from './loaders/records-loader';

const base = contentDir();

export const collections = {
  studies: defineCollection({ loader: recordsLoader(`${base}/studies`), schema: studySchema }),
  reviews: defineCollection({ loader: recordsLoader(`${base}/reviews`), schema: reviewSchema }),
  guides: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${base}/guides` }), schema: guideSchema }),
};
