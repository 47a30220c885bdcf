// Astro content collections: the same schemas that scripts and tests use (src/schemas).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { guideSchema, reviewSchema, studySchema } from './schemas';
import { contentDir } from './loaders/content-dir';

const base = contentDir();

export const collections = {
  studies: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${base}/studies` }), schema: studySchema }),
  reviews: defineCollection({ loader: glob({ pattern: '*.yaml', base: `${base}/reviews` }), schema: reviewSchema }),
  guides: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${base}/guides` }), schema: guideSchema }),
};
