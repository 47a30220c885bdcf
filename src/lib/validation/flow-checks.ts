// Flow checks for `npm run validate`: every arm of a review's flow closes, the reported counts
// agree with the counts derived from its tracking data, and the study records agree with both.
import type { Review, Study } from '../../schemas';
import { checkFlow, compareFlows, type FlowProblem } from '../prisma/check';
import type { DerivedFlow } from '../prisma/derive';
import type { Problem } from '../problem';

const asProblem = (file: string, review: string, where: string, p: FlowProblem, severity: Problem['severity'] = 'error'): Problem => ({
  file,
  path: `${where}.${p.box}`,
  message: `review "${review}": ${p.message}`,
  severity,
});

/** Checks one review's reported flows (current and earlier versions) against arithmetic, its derived flow and its study records. */
export function checkReviewFlows(
  file: string,
  review: Review,
  studies: readonly Study[],
  derived: DerivedFlow | null,
  /** `recordsRefused`: some study file was refused, so the number of included records is not known and is not compared. */
  options: { recordsRefused?: boolean } = {},
): Problem[] {
  const problems: Problem[] = checkFlow(review.flow).map((p) => asProblem(file, review.id, 'flow', p));
  review.changes.forEach((change, i) => {
    if (change.flow) problems.push(...checkFlow(change.flow).map((p) => asProblem(file, review.id, `changes[${i}].flow`, p)));
  });

  const included = studies.filter((s) => s.reviews.some((r) => r.review === review.id && r.decision === 'included'));
  if (!options.recordsRefused && review.flow.included_studies !== null && review.flow.included_studies !== included.length) {
    problems.push({
      file,
      path: 'flow.included_studies',
      message: `review "${review.id}": the review reports ${review.flow.included_studies} included studies but ${included.length} study records say decision "included" for it (expected the two to match: add the missing study records or correct the count)`,
      severity: 'error',
    });
  }

  if (derived) {
    // Whether a database was searched is not a count, so compareFlows does not see it: the records folder says.
    const searched = derived.flow.databases_searched !== false;
    if (review.flow.databases_searched === false && searched)
      problems.push({
        file,
        path: 'flow.databases_searched',
        message: `review "${review.id}": says no database or register was searched, but records/ holds files of database searches (every records file not named in screening.other_methods is one): name those files in screening.other_methods, or remove databases_searched`,
        severity: 'error',
      });
    if (review.flow.databases_searched !== false && !searched && reportsDatabaseCount(review.flow))
      problems.push({
        file,
        path: 'flow.databases_searched',
        message: `review "${review.id}": every records file is named in screening.other_methods, so no database or register was searched: write databases_searched: false and leave the databases boxes out`,
        severity: 'error',
      });
    // A derived flow only fails to close while screening is under way: a state to finish, not a typing error.
    const open = derived.progress.stages['title-abstract'].conflicts.length + derived.progress.stages['full-text'].conflicts.length;
    const awaiting = derived.progress.stages['title-abstract'].awaiting.length + derived.progress.stages['full-text'].awaiting.length;
    const suffix = open || awaiting ? ` (screening is under way: ${open} conflicts open, ${awaiting} records awaiting votes)` : '';
    problems.push(
      ...checkFlow(derived.flow).map((p) => ({
        ...asProblem(file, review.id, 'derived flow', p, open || awaiting ? 'warning' : 'error'),
        message: `review "${review.id}": from the tracked records, ${p.message}${suffix}`,
      })),
    );
    // While screening is under way the derived counts are not final, so a reported box that differs
    // from them is a state to finish (a warning the review page also shows), not yet a fault.
    problems.push(
      ...compareFlows(review.flow, derived.flow).map((p) => ({
        ...asProblem(file, review.id, 'flow', p, open || awaiting ? 'warning' : 'error'),
        ...(open || awaiting ? { message: `review "${review.id}": ${p.message}${suffix}` } : {}),
      })),
    );
    // A refused study file may be the record that claims it: its own error comes first.
    for (const key of options.recordsRefused ? [] : derived.progress.includedWithoutStudy) {
      problems.push({
        file,
        path: 'flow.included_studies',
        message: `review "${review.id}": the screening log includes record "${key}", but no study record has its DOI or PMID (add a study record for it)`,
        severity: 'error',
      });
    }
    // A vote that does not fit only because its record's screening is not settled yet (an open conflict, votes awaited) is a warning too.
    const unsettled = new Set([
      ...derived.progress.stages['title-abstract'].conflicts,
      ...derived.progress.stages['title-abstract'].awaiting,
      ...derived.progress.stages['full-text'].conflicts,
      ...derived.progress.stages['full-text'].awaiting,
    ]);
    // A vote at fault is named by its own file and line (the review's folder sits beside its record: reviews/<id>/).
    const folder = file.replace(/\.ya?ml$/, '');
    for (const p of derived.problems) {
      problems.push({
        ...(p.line ? { file: `${folder}/${p.file ?? 'screening.csv'}`, line: p.line, path: 'record' } : { file, path: 'screening' }),
        message: `review "${review.id}": ${p.message}${unsettled.has(p.record) ? suffix : ''}`,
        severity: p.severity ?? (unsettled.has(p.record) ? 'warning' : 'error'),
      });
    }
  }
  return problems;
}

/** True when a reported flow gives a number in one of its databases-and-registers boxes. */
function reportsDatabaseCount(flow: Review['flow']): boolean {
  const boxes = [flow.identified.databases, flow.identified.registers, flow.screened, flow.excluded_screening, flow.sought, flow.assessed];
  return boxes.some((n) => typeof n === 'number');
}
