// Frontmatter of a guidance page: content/guides/<slug>.mdx (DESIGN.md, "Guidance page").
import { z } from 'astro/zod';
import { isoDate, text } from './common';
import { audience } from './vocabularies';

export const guideSchema = z
  .object({
    title: text.describe('Page title.'),
    summary: text.describe('One or two sentences shown in lists and search results.'),
    audience: z.array(audience).min(1, 'must name at least one audience').describe('Who the page is written for.'),
    reviewed: isoDate.describe('Date the guidance was last checked against the evidence.'),
    order: z.number().int('must be a whole number').describe('Position in the list of guides (smaller first).'),
  })
  .strict();

export type Guide = z.infer<typeof guideSchema>;
