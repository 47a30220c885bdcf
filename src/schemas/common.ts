// Building blocks shared by every record schema: identifiers, dates, citation fields.
import { z } from 'astro/zod';

/** Lower-case words joined by hyphens, e.g. `germain-2010`. */
export const kebabId = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lower-case letters, digits and single hyphens (e.g. "germain-2010")');

/** A bare DOI such as `10.2196/jmir.2084` (no `https://doi.org/` prefix). */
export const doi = z.string().regex(/^10\.\d{4,9}\/\S+$/, 'must be a bare DOI such as "10.2196/jmir.2084" (no https://doi.org/ prefix)');

/** A PubMed identifier: digits only, e.g. `22858538`. */
export const pmid = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : v),
  z.string().regex(/^[1-9]\d{0,8}$/, 'must be a PubMed ID: digits only, such as "22858538"'),
);

/** A PubMed Central identifier, e.g. `PMC3411180`. */
export const pmcid = z.string().regex(/^PMC\d+$/, 'must be a PubMed Central ID such as "PMC3411180"');

/** Numbers written without quotes in YAML (`volume: 14`) are kept as text. */
export const text = z.preprocess((v) => (typeof v === 'number' ? String(v) : v), z.string().trim().min(1, 'must not be empty'));

/** A calendar date `YYYY-MM-DD`. YAML turns unquoted dates into Date objects; both forms are accepted and kept as text. */
export const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a date written YYYY-MM-DD'),
);

/** Publication year: 1950 up to the current year. */
export const year = z
  .number({ invalid_type_error: 'must be a year written as a number, such as 2010' })
  .int('must be a whole year')
  .min(1950, 'must be 1950 or later')
  .refine((y) => y <= new Date().getFullYear(), { message: 'must not be in the future' });

/** One author, `"Family, Given"` (given names or initials). */
export const author = z.string().regex(/^[^,]+, [^,]+$/, 'must be written "Family, Given", e.g. "Germain, Vanessa" or "Cook, J. E."');

/** A non-negative whole count; null means "not reported". */
export const count = z.number().int('must be a whole number').nonnegative('must not be negative');

/** Fields that identify a publication: used for a study's primary report, its further reports and a review's own citation. */
export const citationFields = {
  title: text.describe('Title of the report.'),
  year: year.describe('Year of publication.'),
  journal: text.describe('Journal (or venue) name.'),
  authors: z.array(author).min(1, 'must list at least one author').describe('Authors in publication order, each "Family, Given".'),
  authors_incomplete: z
    .literal(true, { errorMap: () => ({ message: 'must be true, or left out when the author list is complete' }) })
    .optional()
    .describe('`true` when the list names only the first author(s) and the rest are not known: citations then end it with "et al.".'),
  volume: text.optional().describe('Journal volume.'),
  issue: text.optional().describe('Journal issue.'),
  pages: text.optional().describe('Page range, e.g. "95-105", or an article number such as "e31".'),
  doi: doi.optional().describe('Bare DOI, e.g. "10.2196/jmir.2084" (no https://doi.org/ prefix).'),
  pmid: pmid.optional().describe('PubMed ID, digits only, e.g. "22858538".'),
  pmcid: pmcid.optional().describe('PubMed Central ID, e.g. "PMC3411180".'),
};

/** A further report of the same study. */
export const reportSchema = z.object(citationFields).strict();

/** The citation fields of a study, a further report or a review, validated. */
export type Citation = z.infer<typeof reportSchema>;

/** A place a fact came from. */
export const sourceSchema = z
  .object({
    url: z
      .string()
      .url('must be a full web address starting with https://')
      // Only web addresses: a `javascript:` or `data:` link would run or inject on the page that shows it.
      .refine((u) => /^https?:\/\//i.test(u), 'must be a web address starting with https:// or http://')
      .describe('Web address of the source.'),
    note: text.optional().describe('What was taken from it.'),
  })
  .strict();
