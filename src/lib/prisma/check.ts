// Arithmetic checks on a PRISMA 2020 flow (reported or derived), and box-by-box comparison of two.
//
// Null means "not reported": an equation with a null box is skipped, never read as 0. A box made of
// lines (identified = databases + registers; removed before screening = duplicates + automation +
// other) counts its reported lines and is null only when every line is null, because the PRISMA
// 2020 template's optional lines (registers, automation tools, other reasons) are often left out.
// Exclusion reasons are different: a reason with a null count makes the total unknown.
import type { Flow } from '../../schemas/flow';

/** One failed check: the box at fault, a sentence with both numbers, and the numbers. */
export interface FlowProblem {
  /** Field path of the box, e.g. `screened`, `identified.per_source`, `other_methods.assessed`. */
  box: string;
  message: string;
  /** What the box should hold (from the other boxes, or from the derived flow in compareFlows). */
  expected: number;
  /** What the box holds (the reported flow's value in compareFlows). */
  actual: number;
}

type Counts = Readonly<Record<string, number | null>> | null | undefined;

/** Sum of the reported lines of a box; null when no line is reported. */
export function sumLines(...lines: (number | null | undefined)[]): number | null {
  const known = lines.filter((n): n is number => typeof n === 'number');
  return known.length === 0 ? null : known.reduce((a, b) => a + b, 0);
}

/** Sum of counts by reason; null when the list is not reported or any count is null. */
export function sumReasons(counts: Counts): number | null {
  if (!counts) return null;
  const values = Object.values(counts);
  return values.some((n) => n === null) ? null : values.reduce<number>((a, b) => a + (b ?? 0), 0);
}

/** Sum of two counts when both are reported; null when either is not (totals over a previous version). */
export function sumIfBoth(a: number | null | undefined, b: number | null | undefined): number | null {
  return typeof a === 'number' && typeof b === 'number' ? a + b : null;
}

/** Records identified from databases and registers together. */
export const identifiedTotal = (flow: Flow) => sumLines(flow.identified.databases, flow.identified.registers);
/** Records removed before screening, all reasons together. */
export const removedTotal = (flow: Flow) =>
  sumLines(flow.removed_before_screening.duplicates, flow.removed_before_screening.automation, flow.removed_before_screening.other);

const isNum = (n: number | null | undefined): n is number => typeof n === 'number';

/** Checks that every arm of the flow closes and that per-source counts add up. */
export function checkFlow(flow: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const expectEqual = (box: string, label: string, actual: number | null | undefined, expected: number | null, how: string) => {
    if (isNum(actual) && isNum(expected) && actual !== expected)
      problems.push({ box, message: `${label} (${actual}) should equal ${how} = ${expected}`, expected, actual });
  };

  const identified = identifiedTotal(flow);
  const removed = removedTotal(flow);
  if (isNum(identified) && isNum(removed)) {
    expectEqual(
      'screened',
      'screened',
      flow.screened,
      identified - removed,
      `identified (${identified}) minus removed before screening (${removed})`,
    );
  }
  if (isNum(flow.screened) && isNum(flow.excluded_screening)) {
    expectEqual(
      'sought',
      'sought',
      flow.sought,
      flow.screened - flow.excluded_screening,
      `screened (${flow.screened}) minus excluded at screening (${flow.excluded_screening})`,
    );
  }
  if (isNum(flow.sought) && isNum(flow.not_retrieved)) {
    expectEqual(
      'assessed',
      'assessed',
      flow.assessed,
      flow.sought - flow.not_retrieved,
      `sought (${flow.sought}) minus not retrieved (${flow.not_retrieved})`,
    );
  }

  const excluded = sumReasons(flow.excluded_full_text);
  const other = flow.other_methods;
  const otherExcluded = other ? sumReasons(other.excluded) : null;
  if (other && isNum(other.sought) && isNum(other.not_retrieved)) {
    expectEqual(
      'other_methods.assessed',
      'other methods: assessed',
      other.assessed,
      other.sought - other.not_retrieved,
      `sought (${other.sought}) minus not retrieved (${other.not_retrieved})`,
    );
  }
  if (isNum(flow.assessed) && isNum(excluded)) {
    const main = flow.assessed - excluded;
    const how = `assessed (${flow.assessed}) minus excluded at full text (${excluded})`;
    if (!other) expectEqual('included_reports', 'included reports', flow.included_reports, main, how);
    else if (isNum(other.assessed) && isNum(otherExcluded)) {
      expectEqual(
        'included_reports',
        'included reports',
        flow.included_reports,
        main + other.assessed - otherExcluded,
        `${how} plus other methods' assessed (${other.assessed}) minus excluded (${otherExcluded})`,
      );
    }
  }
  if (isNum(flow.included_studies) && isNum(flow.included_reports) && flow.included_studies > flow.included_reports) {
    problems.push({
      box: 'included_studies',
      message: `included studies (${flow.included_studies}) should not exceed included reports (${flow.included_reports}): every study has at least one report`,
      expected: flow.included_reports,
      actual: flow.included_studies,
    });
  }

  const perSource = flow.identified.per_source;
  const sourcesTotal = sumReasons(perSource);
  if (perSource && Object.keys(perSource).length > 0 && isNum(sourcesTotal) && isNum(identified) && sourcesTotal !== identified) {
    const parts = Object.entries(perSource)
      .map(([name, n]) => `${name} ${n}`)
      .join(' + ');
    problems.push({
      box: 'identified.per_source',
      message: `the per-source counts (${parts} = ${sourcesTotal}) should add up to identified from databases and registers (${identified})`,
      expected: identified,
      actual: sourcesTotal,
    });
  }
  return problems;
}

/** Source names compare without case, spaces or punctuation: `PsycINFO` matches `psycinfo`. */
const sourceName = (name: string) => name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');

/** Compares a reported flow with a derived one box by box; boxes null (or absent) on either side are skipped. */
export function compareFlows(reported: Flow, derived: Flow): FlowProblem[] {
  const problems: FlowProblem[] = [];
  const compare = (box: string, actual: number | null | undefined, expected: number | null | undefined) => {
    if (isNum(actual) && isNum(expected) && actual !== expected) {
      problems.push({
        box,
        message: `${box}: the review reports ${actual} but the tracked records and screening log give ${expected}`,
        expected,
        actual,
      });
    }
  };
  const compareCounts = (box: string, reportedCounts: Counts, derivedCounts: Counts, normalise: (key: string) => string = (k) => k) => {
    if (!reportedCounts || !derivedCounts) return;
    const derivedByName = new Map(Object.entries(derivedCounts).map(([k, n]) => [normalise(k), { k, n }]));
    const seen = new Set<string>();
    for (const [name, n] of Object.entries(reportedCounts)) {
      const match = derivedByName.get(normalise(name));
      seen.add(normalise(name));
      compare(`${box}.${name}`, n, match ? match.n : 0);
    }
    for (const [norm, { k, n }] of derivedByName) if (!seen.has(norm)) compare(`${box}.${k}`, 0, n);
  };

  compare('identified.databases', reported.identified.databases, derived.identified.databases);
  compare('identified.registers', reported.identified.registers, derived.identified.registers);
  compareCounts('identified.per_source', reported.identified.per_source, derived.identified.per_source, sourceName);
  for (const line of ['duplicates', 'automation', 'other'] as const) {
    compare(`removed_before_screening.${line}`, reported.removed_before_screening[line], derived.removed_before_screening[line]);
  }
  for (const box of ['screened', 'excluded_screening', 'sought', 'not_retrieved', 'assessed'] as const)
    compare(box, reported[box], derived[box]);
  compareCounts('excluded_full_text', reported.excluded_full_text, derived.excluded_full_text);
  compare('included_studies', reported.included_studies, derived.included_studies);
  compare('included_reports', reported.included_reports, derived.included_reports);

  const [reportedOther, derivedOther] = [reported.other_methods, derived.other_methods];
  if (reportedOther && derivedOther) {
    for (const line of ['websites', 'organisations', 'citations'] as const)
      compare(`other_methods.identified.${line}`, reportedOther.identified[line], derivedOther.identified[line]);
    for (const box of ['sought', 'not_retrieved', 'assessed'] as const)
      compare(`other_methods.${box}`, reportedOther[box], derivedOther[box]);
    compareCounts('other_methods.excluded', reportedOther.excluded, derivedOther.excluded);
  }
  if (reported.previous && derived.previous) {
    compare('previous.studies', reported.previous.studies, derived.previous.studies);
    compare('previous.reports', reported.previous.reports, derived.previous.reports);
  }
  return problems;
}
