// The PRISMA 2020 flow a review reports, box by box. null = "not reported", never 0.
import { z } from 'astro/zod';
import { count, kebabId } from './common';

/** A box's count; null (or absent) when the review does not report it. */
const box = count.nullable().default(null);
/** Counts by name (sources, or exclusion reasons by id); null when not reported. */
const breakdown = z.record(z.string().min(1), count.nullable()).nullable().default(null);

export const flowSchema = z
  .object({
    identified: z
      .object({
        /** Records identified from databases. */
        databases: box,
        /** Records identified from registers. */
        registers: box,
        /** Records per database or register, by source name. */
        per_source: breakdown,
      })
      .strict()
      .default({}),
    removed_before_screening: z
      .object({
        /** Duplicate records removed. */
        duplicates: box,
        /** Records marked ineligible by automation tools. */
        automation: box,
        /** Records removed for other reasons. */
        other: box,
      })
      .strict()
      .default({}),
    /** Records screened (title and abstract). */
    screened: box,
    /** Records excluded at screening. */
    excluded_screening: box,
    /** Reports sought for retrieval. */
    sought: box,
    /** Reports not retrieved. */
    not_retrieved: box,
    /** Reports assessed for eligibility (full text). */
    assessed: box,
    /** Reports excluded at full text, by exclusion-reason id. */
    excluded_full_text: z.record(kebabId, count.nullable()).nullable().default(null),
    /** New studies included in the review. */
    included_studies: box,
    /** Reports of new included studies. */
    included_reports: box,
    /** Identification via other methods (websites, organisations, citation searching). */
    other_methods: z
      .object({
        identified: z.object({ websites: box, organisations: box, citations: box }).strict().default({}),
        sought: box,
        not_retrieved: box,
        assessed: box,
        excluded: z.record(kebabId, count.nullable()).nullable().default(null),
      })
      .strict()
      .optional(),
    /** Studies and reports carried over from a previous version of the review. */
    previous: z.object({ studies: box, reports: box }).strict().optional(),
  })
  .strict();

/** A reported flow, validated. */
export type Flow = z.infer<typeof flowSchema>;
