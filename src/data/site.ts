// Site-wide facts: name, build date (for "cite this page" on pages without a record date).
export const siteName = 'Rapport';
export const siteTagline = 'The therapeutic relationship in e-therapy: the evidence, kept in the open';
export const siteAuthors = ['Rapport contributors'];

/** The day the site was built, YYYY-MM-DD (SOURCE_DATE_EPOCH, seconds, makes builds reproducible). */
export const buildDate: string = (process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date())
  .toISOString()
  .slice(0, 10);
