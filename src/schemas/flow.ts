// The PRISMA 2020 flow a review reports, box by box. null = "not reported", never 0.
import { z } from 'astro/zod';
import { count, kebabId } from './common';

/** A box's count; null (or absent) when the review does not report it. */
const box = count.nullable().default(null);
/** Counts by name (sources, or exclusion reasons by id); null when not reported. */
const breakdown = z.record(z.string().min(1), count.nullable()).nullable().default(null);

export const flowSchema = z
  .object({
    databases_searched: z
      .boolean()
      .optional()
      .describe(
        'false when no database or register was searched (records came by other methods only): the diagram then has no databases-and-registers arm, and its boxes must be 0 or null. Absent: searched.',
      ),
    identified: z
      .object({
        databases: box.describe('Records identified from databases.'),
        registers: box.describe('Records identified from registers.'),
        per_source: breakdown.describe('Records per database or register, by source name.'),
      })
      .strict()
      .default({})
      .describe('Records identified before screening.'),
    removed_before_screening: z
      .object({
        duplicates: box.describe('Duplicate records removed.'),
        automation: box.describe('Records marked ineligible by automation tools.'),
        other: box.describe('Records removed for other reasons.'),
      })
      .strict()
      .default({})
      .describe('Records removed before screening.'),
    screened: box.describe('Records screened (title and abstract).'),
    excluded_screening: box.describe('Records excluded at screening.'),
    sought: box.describe('Reports sought for retrieval.'),
    not_retrieved: box.describe('Reports not retrieved.'),
    assessed: box.describe('Reports assessed for eligibility (full text).'),
    excluded_full_text: z
      .record(kebabId, count.nullable())
      .nullable()
      .default(null)
      .describe('Reports excluded at full text, by exclusion-reason id.'),
    included_studies: box.describe('New studies included in the review.'),
    included_reports: box.describe('Reports of new included studies.'),
    other_methods: z
      .object({
        identified: z
          .object({
            websites: box.describe('Records identified from websites.'),
            organisations: box.describe('Records identified from organisations.'),
            citations: box.describe('Records identified by citation searching.'),
          })
          .strict()
          .default({})
          .describe('Records identified from websites, organisations and citation searching.'),
        sought: box.describe('Reports sought for retrieval.'),
        not_retrieved: box.describe('Reports not retrieved.'),
        assessed: box.describe('Reports assessed for eligibility.'),
        excluded: z.record(kebabId, count.nullable()).nullable().default(null).describe('Reports excluded, by exclusion-reason id.'),
      })
      .strict()
      .optional()
      .describe('Identification via other methods (websites, organisations, citation searching).'),
    previous: z
      .object({
        studies: box.describe('Studies included in the previous version.'),
        reports: box.describe('Reports of those studies.'),
      })
      .strict()
      .optional()
      .describe('Studies and reports carried over from a previous version of the review.'),
  })
  .strict();

/** A reported flow, validated. */
export type Flow = z.infer<typeof flowSchema>;
