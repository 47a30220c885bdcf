import { describe, expect, test } from 'vitest';
import { buildEvidenceMap, headingLines } from '../../../src/lib/charts/evidence-map';
import { EMPTY_FILL, contrastRatio, noFindingRamp } from '../../../src/lib/charts/palette';
import { makeStudy, roundDeep, syntheticStudies } from './helpers';

const href = (m: string, f: string) => `/studies/?modality=${m}&finding=${f}`;

const studies = [
  makeStudy({ id: 'a-2001', modalities: ['email'], alliance: { vs_face_to_face: 'equivalent' } }),
  makeStudy({ id: 'b-2002', modalities: ['email'], alliance: { vs_face_to_face: 'equivalent' } }),
  makeStudy({ id: 'c-2003', modalities: ['videoconference'], alliance: { vs_face_to_face: 'etherapy-higher' } }),
  makeStudy({ id: 'd-2004', modalities: ['email', 'chat'], alliance: { vs_face_to_face: 'not-compared' } }),
];

describe('buildEvidenceMap', () => {
  const spec = buildEvidenceMap(studies, { href });
  const cell = (m: string, f: string) => spec.cells.find((c) => c.modality === m && c.finding === f);

  test('counts studies per modality × finding, with their ids', () => {
    expect(cell('email', 'equivalent')).toMatchObject({ count: 2, studyIds: ['a-2001', 'b-2002'], label: '2' });
    expect(cell('videoconference', 'etherapy-higher')).toMatchObject({ count: 1, studyIds: ['c-2003'] });
  });

  test('counts a study with several modalities once in each of their rows', () => {
    expect(cell('email', 'not-compared')?.studyIds).toEqual(['d-2004']);
    expect(cell('chat', 'not-compared')?.studyIds).toEqual(['d-2004']);
    expect(spec.studies).toBe(4);
    expect(spec.description).toMatch(/1 study used several modalities and is counted in each of their rows/);
  });

  test('draws "not compared" and "not reported" in grey, apart from the findings', () => {
    expect(cell('email', 'not-compared')).toMatchObject({ isFinding: false, fill: noFindingRamp[0] });
    expect(cell('email', 'equivalent')?.isFinding).toBe(true);
    expect(spec.columns.filter((c) => !c.isFinding).map((c) => c.label)).toEqual(['Not compared', 'Not reported']);
    expect(spec.description).toMatch(
      /1 study has no finding to show: not compared, or not reported in the sources read \(grey columns\)\./,
    );
  });

  test('links a filled cell through the caller-supplied function', () => {
    expect(cell('email', 'equivalent')?.href).toBe('/studies/?modality=email&finding=equivalent');
  });

  test('keeps empty cells in the grid, blank and without a link, and as 0 in the table', () => {
    expect(spec.cells).toHaveLength(6 * 6);
    expect(cell('telephone', 'mixed')).toMatchObject({ count: 0, label: '', href: null, fill: EMPTY_FILL, studyIds: [] });
    const telephone = spec.table.rows.find((r) => r[0] === 'Telephone');
    expect(telephone).toEqual(['Telephone', 0, 0, 0, 0, 0, 0, 0]);
  });

  test('tables every modality with one column per finding and the number of studies', () => {
    expect(spec.table.columns).toEqual([
      'Modality',
      'Higher in e-therapy',
      'Equivalent',
      'Lower in e-therapy',
      'Mixed',
      'Not compared',
      'Not reported',
      'Studies',
    ]);
    expect(spec.table.rows.find((r) => r[0] === 'Email')).toEqual(['Email', 0, 2, 0, 0, 1, 0, 3]);
  });

  test('describes the grid in sentences', () => {
    expect(spec.title).toBe('Alliance compared with face-to-face therapy, by modality');
    expect(spec.description).toMatch(/^A grid of 6 delivery modalities by 6 findings .* counting 4 studies\./);
    expect(spec.description).toMatch(/The fullest cell with a finding is Email, equivalent, with 2 studies\./);
  });

  test('prints every count with at least 4.5:1 contrast on its cell', () => {
    for (const c of buildEvidenceMap(syntheticStudies(300), { href }).cells) {
      expect(contrastRatio(c.textColor, c.fill)).toBeGreaterThanOrEqual(4.5);
    }
  });

  test('labels the legend bins with the counts they cover', () => {
    expect(spec.legend.map((l) => l.label)).toEqual(['1 study', '2 studies']);
  });

  test('says so when there are no studies', () => {
    const empty = buildEvidenceMap([], { href });
    expect(empty.cells.every((c) => c.count === 0)).toBe(true);
    expect(empty.description).toMatch(/no studies are recorded yet/);
  });

  test('lays out the small example as before', () => {
    expect(roundDeep(spec)).toMatchSnapshot();
  });

  test('builds for 10,000 synthetic studies', () => {
    const many = buildEvidenceMap(syntheticStudies(10_000), { href });
    expect(many.studies).toBe(10_000);
    const total = many.cells.reduce((sum, c) => sum + c.count, 0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});

describe('column headings', () => {
  test.each([
    ['Mixed', ['Mixed']],
    ['Higher in e-therapy', ['Higher in', 'e-therapy']],
    ['Lower in e-therapy', ['Lower in', 'e-therapy']],
    ['Extraordinarily', ['Extraordinarily']],
  ])('wraps %j as %j', (label, lines) => {
    expect(headingLines(label)).toEqual(lines);
  });

  test('centre each heading over its column, two-line headings starting higher', () => {
    const spec = buildEvidenceMap([], { href });
    const higher = spec.columns.find((c) => c.finding === 'etherapy-higher');
    const mixed = spec.columns.find((c) => c.finding === 'mixed');
    expect(higher?.heading).toMatchObject({
      y: 26,
      lines: [
        { text: 'Higher in', dy: 0 },
        { text: 'e-therapy', dy: 16 },
      ],
    });
    expect(higher?.heading.x).toBeCloseTo((higher?.x ?? 0) + (higher?.width ?? 0) / 2);
    expect(mixed?.heading).toMatchObject({ y: 42, lines: [{ text: 'Mixed', dy: 0 }] });
  });
});
