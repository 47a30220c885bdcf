// Frontmatter of a guidance page: content/guides/<slug>.mdx (DESIGN.md, "Guidance page").
import { z } from 'astro/zod';
import { isoDate, text } from './common';
import { audience } from './vocabularies';

export const guideSchema = z
  .object({
    /** Page title. */
    title: text.describe('Page title.'),
    /** One or two sentences shown in lists and search results. */
    summary: text.describe('One or two sentences shown in lists and search results.'),
    /** Who the page is written for. */
    audience: z.array(audience).min(1, 'must name at least one audience').describe('Who the page is written for.'),
    /** Date the guidance was last checked against the evidence. */
    reviewed: isoDate.describe('Date the guidance was last checked against the evidence.'),
    /** Position in the list of guides (smaller first). */
    order: z.number().int('must be a whole number').describe('Position in the list of guides (smaller first).'),
  })
  .strict();

export type Guide = z.infer<typeof guideSchema>;
