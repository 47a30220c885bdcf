// Site-wide facts: name, build date (for "cite this page" on pages without a record date), release and
// commit, the repository and the licences (the public address is SITE_URL: astro.config.mjs, src/data/url.ts).
import { readBuildInfo, type BuildInfo } from '../loaders/build-info';

export const siteName = 'Rapport';
export const siteTagline = 'The therapeutic relationship in e-therapy: the evidence, kept in the open';
export const siteAuthors = ['Rapport contributors'];

/** The day the site was built, YYYY-MM-DD (SOURCE_DATE_EPOCH, seconds, makes builds reproducible). */
export const buildDate: string = (process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date())
  .toISOString()
  .slice(0, 10);

/** The release and commit this build comes from (package.json's version, git's HEAD). */
export const buildInfo: BuildInfo = readBuildInfo();

/** The repository address used when REPO_URL is not set (CITATION.cff's `repository-code` matches it). */
export const defaultRepoUrl = 'https://github.com/rapport-review/rapport';

/** The public repository the site is built from (REPO_URL, without a trailing slash): links to record
 *  files, corrections and the licence go there. A GitHub-style host is assumed (`/blob/`, `/edit/`, `/issues/new`). */
export const repoUrl: string = (process.env['REPO_URL'] || defaultRepoUrl).replace(/\/+$/, '');

/** The branch the record files are linked on (REPO_BRANCH, default `main`). */
export const repoBranch: string = process.env['REPO_BRANCH'] || 'main';

/** The licence of the data (the records and every export). */
export const dataLicense = { name: 'CC BY 4.0', spdx: 'CC-BY-4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The licence of the code (LICENSE at the repository's root, as package.json says). */
export const codeLicense = { name: 'MIT', spdx: 'MIT', url: `${repoUrl}/blob/${repoBranch}/LICENSE` } as const;
