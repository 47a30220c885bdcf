// The PRISMA 2020 diagram in sentences: a text alternative that gives every number of the flow,
// and says which are not reported.
import { countNoun, formatCount } from '../format';
import type { Flow } from '../../schemas/flow';
import { hasDatabaseArm } from './box-text';
import { sumIfBoth, sumReasons } from './check';
import { countText } from './text';

/** "1 record was", "1,250 records were", "an unreported number of records were". */
function counted(n: number | null | undefined, singular: string, plural: string): string {
  if (typeof n !== 'number') return `an unreported number of ${plural} were`;
  return n === 1 ? `1 ${singular} was` : `${formatCount(n)} ${plural} were`;
}

/** " and 12 excluded", or "; the number excluded is not reported". */
const andCount = (n: number | null | undefined, phrase: string) =>
  typeof n === 'number' ? ` and ${formatCount(n)} ${phrase}` : `; the number ${phrase} is not reported`;

/** "7 studies", "1 new study", "an unreported number of studies". */
const nounCount = (n: number | null | undefined, singular: string, plural: string) =>
  typeof n === 'number' ? countNoun(n, singular, plural) : `an unreported number of ${plural}`;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The diagram in sentences: a text alternative that gives every number, and says which are not reported. */
export function describeFlow(flow: Flow, labelOf: (reasonId: string) => string = (id) => id): string {
  const sentences: string[] = ['PRISMA 2020 flow diagram.'];
  if (!hasDatabaseArm(flow)) sentences.push('No database or register was searched: every record was identified by other methods.');
  else {
    const perSource = Object.entries(flow.identified.per_source ?? {});
    const sources = perSource.length > 0 ? ` (${perSource.map(([name, n]) => `${name} ${countText(n)}`).join(', ')})` : '';
    sentences.push(
      `Identification: ${counted(flow.identified.databases, 'record', 'records')} identified from databases${sources}${andCount(flow.identified.registers, 'from registers')}.`,
    );
    const removed = flow.removed_before_screening;
    const extra = [
      typeof removed.automation === 'number' && removed.automation > 0
        ? `${formatCount(removed.automation)} marked as ineligible by automation tools`
        : '',
      typeof removed.other === 'number' && removed.other > 0 ? `${formatCount(removed.other)} removed for other reasons` : '',
    ].filter(Boolean);
    sentences.push(
      `Before screening, ${counted(removed.duplicates, 'duplicate record', 'duplicate records')} removed${extra.length > 0 ? `, and ${extra.join(' and ')}` : ''}.`,
    );
    sentences.push(`Screening: ${counted(flow.screened, 'record', 'records')} screened${andCount(flow.excluded_screening, 'excluded')}.`);
    sentences.push(
      `${capitalise(counted(flow.sought, 'report', 'reports'))} sought for retrieval${andCount(flow.not_retrieved, 'not retrieved')}.`,
    );
    const reasons = Object.entries(flow.excluded_full_text ?? {});
    const excluded = flow.excluded_full_text ? sumReasons(flow.excluded_full_text) : null;
    const why = reasons.length > 0 ? ` (${reasons.map(([id, n]) => `${labelOf(id)}: ${countText(n)}`).join('; ')})` : '';
    sentences.push(
      `${capitalise(counted(flow.assessed, 'report', 'reports'))} assessed for eligibility${andCount(excluded, 'excluded')}${why}.`,
    );
  }
  const other = flow.other_methods;
  if (other) {
    const id = other.identified;
    const otherExcluded = other.excluded ? sumReasons(other.excluded) : null;
    const otherReasons = Object.entries(other.excluded ?? {}).filter(([, n]) => n !== 0);
    const otherWhy = otherReasons.length > 0 ? ` (${otherReasons.map(([id, n]) => `${labelOf(id)}: ${countText(n)}`).join('; ')})` : '';
    sentences.push(
      `Other methods: records identified from websites ${countText(id.websites)}, organisations ${countText(id.organisations)}, citation searching ${countText(id.citations)}; ` +
        `reports sought ${countText(other.sought)}, not retrieved ${countText(other.not_retrieved)}, assessed ${countText(other.assessed)}, excluded ${countText(otherExcluded)}${otherWhy}.`,
    );
  }
  const newWord = flow.previous ? 'new ' : '';
  sentences.push(
    `Included: ${nounCount(flow.included_studies, `${newWord}study`, `${newWord}studies`)} (${nounCount(flow.included_reports, 'report', 'reports')}).`,
  );
  if (flow.previous) {
    const p = flow.previous;
    sentences.push(
      `With ${nounCount(p.studies, 'study', 'studies')} (${nounCount(p.reports, 'report', 'reports')}) from the previous version, the review includes ` +
        `${nounCount(sumIfBoth(p.studies, flow.included_studies), 'study', 'studies')} (${nounCount(sumIfBoth(p.reports, flow.included_reports), 'report', 'reports')}) in total.`,
    );
  }
  return sentences.join(' ');
}
