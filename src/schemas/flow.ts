// The PRISMA 2020 flow a review reports, box by box. null = "not reported", never 0.
import { z } from 'astro/zod';
import { count, kebabId } from './common';

/** A box's count; null (or absent) when the review does not report it. */
const box = count.nullable().default(null);
/** Counts by name (sources, or exclusion reasons by id); null when not reported. */
const breakdown = z.record(z.string().min(1), count.nullable()).nullable().default(null);

export const flowSchema = z
  .object({
    /** Records identified before screening. */
    identified: z
      .object({
        /** Records identified from databases. */
        databases: box.describe('Records identified from databases.'),
        /** Records identified from registers. */
        registers: box.describe('Records identified from registers.'),
        /** Records per database or register, by source name. */
        per_source: breakdown.describe('Records per database or register, by source name.'),
      })
      .strict()
      .default({})
      .describe('Records identified before screening.'),
    /** Records removed before screening. */
    removed_before_screening: z
      .object({
        /** Duplicate records removed. */
        duplicates: box.describe('Duplicate records removed.'),
        /** Records marked ineligible by automation tools. */
        automation: box.describe('Records marked ineligible by automation tools.'),
        /** Records removed for other reasons. */
        other: box.describe('Records removed for other reasons.'),
      })
      .strict()
      .default({})
      .describe('Records removed before screening.'),
    /** Records screened (title and abstract). */
    screened: box.describe('Records screened (title and abstract).'),
    /** Records excluded at screening. */
    excluded_screening: box.describe('Records excluded at screening.'),
    /** Reports sought for retrieval. */
    sought: box.describe('Reports sought for retrieval.'),
    /** Reports not retrieved. */
    not_retrieved: box.describe('Reports not retrieved.'),
    /** Reports assessed for eligibility (full text). */
    assessed: box.describe('Reports assessed for eligibility (full text).'),
    /** Reports excluded at full text, by exclusion-reason id. */
    excluded_full_text: z.record(kebabId, count.nullable()).nullable().default(null).describe('Reports excluded at full text, by exclusion-reason id.'),
    /** New studies included in the review. */
    included_studies: box.describe('New studies included in the review.'),
    /** Reports of new included studies. */
    included_reports: box.describe('Reports of new included studies.'),
    /** Identification via other methods (websites, organisations, citation searching). */
    other_methods: z
      .object({
        /** Records identified from websites, organisations and citation searching. */
        identified: z
          .object({
            /** Records identified from websites. */
            websites: box.describe('Records identified from websites.'),
            /** Records identified from organisations. */
            organisations: box.describe('Records identified from organisations.'),
            /** Records identified by citation searching. */
            citations: box.describe('Records identified by citation searching.'),
          })
          .strict()
          .default({})
          .describe('Records identified from websites, organisations and citation searching.'),
        /** Reports sought for retrieval. */
        sought: box.describe('Reports sought for retrieval.'),
        /** Reports not retrieved. */
        not_retrieved: box.describe('Reports not retrieved.'),
        /** Reports assessed for eligibility. */
        assessed: box.describe('Reports assessed for eligibility.'),
        /** Reports excluded, by exclusion-reason id. */
        excluded: z.record(kebabId, count.nullable()).nullable().default(null).describe('Reports excluded, by exclusion-reason id.'),
      })
      .strict()
      .optional()
      .describe('Identification via other methods (websites, organisations, citation searching).'),
    /** Studies and reports carried over from a previous version of the review. */
    previous: z
      .object({
        /** Studies included in the previous version. */
        studies: box.describe('Studies included in the previous version.'),
        /** Reports of those studies. */
        reports: box.describe('Reports of those studies.'),
      })
      .strict()
      .optional()
      .describe('Studies and reports carried over from a previous version of the review.'),
  })
  .strict();

/** A reported flow, validated. */
export type Flow = z.infer<typeof flowSchema>;
