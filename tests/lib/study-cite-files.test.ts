import { describe, expect, test } from 'vitest';
import { exportFormats, formatStudies, studiesToBibtex, studyBibtexKeys } from '../../src/lib/exports';
import { byYearThenId, studyCitationFile, studyCitationFiles } from '../../src/lib/study-cite-files';
import { makeStudy } from '../helpers/factories';

// Two records by the same first author in the same year with the same first title word: one BibTeX key, told apart by a and b.
const early = makeStudy({ id: 'doe-2010', title: 'Alliance online', doi: '10.1000/a' });
const late = makeStudy({ id: 'doe-2010b', title: 'Alliance by video', doi: '10.1000/b' });
const other = makeStudy({ id: 'roe-2008', year: 2008, authors: ['Roe, R.'], title: 'Chat therapy', doi: '10.1000/c' });

describe('study citation files', () => {
  test('are three per study, at /studies/<id>/cite.bib, cite.ris and cite.csl.json, in site order, with their media types', () => {
    const files = [...studyCitationFiles([late, early, other])];
    expect(files.map((f) => f.path)).toEqual(
      ['roe-2008', 'doe-2010', 'doe-2010b'].flatMap((id) => ['bib', 'ris', 'csl.json'].map((ext) => `/studies/${id}/cite.${ext}`)),
    );
    expect(files.slice(0, 3).map((f) => f.contentType)).toEqual([exportFormats.bib, exportFormats.ris, exportFormats['csl.json']]);
  });

  test('hold the text the export functions write for the one study, with the key of the whole site', () => {
    const sorted = [late, early, other].sort(byYearThenId);
    const keys = studyBibtexKeys(sorted);
    const files = new Map([...studyCitationFiles([late, early, other])].map((f) => [f.path, f.body]));
    for (const study of sorted)
      for (const format of ['bib', 'ris', 'csl.json'] as const)
        expect(files.get(`/studies/${study.id}/cite.${format}`)).toBe(formatStudies(format, [study], keys));
  });

  test('give two records that share a key a and b in year-then-id order, whatever order the records come in, as studies.bib does', () => {
    const whole = studiesToBibtex([other, early, late]);
    for (const given of [
      [early, late, other],
      [late, other, early],
    ]) {
      const bib = (id: string) => [...studyCitationFiles(given)].find((f) => f.path === `/studies/${id}/cite.bib`)!.body;
      const keyOf = (text: string) => /^@article\{([^,]+),/m.exec(text)![1];
      expect(keyOf(bib('doe-2010'))).toMatch(/a$/);
      expect(keyOf(bib('doe-2010b'))).toMatch(/b$/);
      for (const id of ['doe-2010', 'doe-2010b', 'roe-2008']) expect(whole).toContain(`@article{${keyOf(bib(id))},`);
    }
  });

  test('one file is found by its site path, with the same text as in the whole pass', () => {
    const all = [...studyCitationFiles([early, late, other])];
    for (const file of all) expect(studyCitationFile([other, late, early], file.path)).toEqual(file);
  });

  test.each([
    '/studies/nobody-2000/cite.bib',
    '/studies/doe-2010/cite.csv',
    '/studies/doe-2010/',
    '/studies/doe-2010/cite.bib/',
    '/data/studies.bib',
  ])('no file is found at %s, which is not a study citation file', (sitePath) => {
    expect(studyCitationFile([early, late, other], sitePath)).toBeUndefined();
  });
});
