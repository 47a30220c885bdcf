// Each study's citation files, /studies/<id>/cite.bib, cite.ris and cite.csl.json, as site path and
// text: the study's primary report for a reference manager, its BibTeX key the one /data/studies.bib
// and the study page give it. src/integrations/study-cite-files.ts writes them after the build (as
// Astro routes they cost as much as the study pages) and serves them in dev.
import type { Study } from '../schemas';
import { exportFormats, formatStudies, studyBibtexKeys, studyCiteFiles, type ExportFormat } from './exports';

/** The order of every list of studies on the site (src/data/studies.ts): year, then id. Keys that several records share get a, b, ... in this order. */
export const byYearThenId = (a: Study, b: Study): number => a.year - b.year || a.id.localeCompare(b.id);

/** One file of the built site: its site path (no base path), media type and text. */
export interface SiteFile {
  path: string;
  contentType: string;
  body: string;
}

/** A study's citation file in `format` (bib, ris or csl.json), with the BibTeX keys of the whole site (`keys`, studyBibtexKeys of every study in site order). */
function citeFile(study: Study, path: string, format: ExportFormat, keys: ReadonlyMap<string, string>): SiteFile {
  return { path, contentType: exportFormats[format], body: formatStudies(format, [study], keys) };
}

/** The formats of studyCiteFiles, as export formats. */
const citeFormats = (id: string) => studyCiteFiles(id).map((f) => ({ path: f.path, format: f.format as ExportFormat }));

/** Every study's citation files, study by study; `studies` is every study (in any order: keys are given in site order). */
export function* studyCitationFiles(studies: readonly Study[]): Generator<SiteFile> {
  const sorted = [...studies].sort(byYearThenId);
  const keys = studyBibtexKeys(sorted);
  for (const study of sorted) for (const { path, format } of citeFormats(study.id)) yield citeFile(study, path, format, keys);
}

/** The citation file at site path `sitePath` (e.g. /studies/cook-2002/cite.ris), or undefined when no study has one there. */
export function studyCitationFile(studies: readonly Study[], sitePath: string): SiteFile | undefined {
  for (const study of studies) {
    const file = citeFormats(study.id).find((f) => f.path === sitePath);
    if (file) return citeFile(study, file.path, file.format, studyBibtexKeys([...studies].sort(byYearThenId)));
  }
  return undefined;
}
