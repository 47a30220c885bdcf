// A review's screening settings in plain words, for its page.
import type { Review } from '../../schemas';

type Settings = NonNullable<Review['screening']>;

/** Reviewers a record needs at each stage. */
export function reviewersPerStage(settings: Settings): { 'title-abstract': number; 'full-text': number } {
  const r = settings.reviewers;
  return typeof r === 'number' ? { 'title-abstract': r, 'full-text': r } : r;
}

const who = (n: number) => (n === 1 ? 'one reviewer' : `${n} reviewers, independently`);

/** "Each record is screened by 2 reviewers, independently, at title and abstract and at full text; …", saying plainly when screening was not duplicated. */
export function describeScreeningSettings(settings: Settings): string {
  const per = reviewersPerStage(settings);
  const stages =
    per['title-abstract'] === per['full-text']
      ? `Each record is screened by ${who(per['title-abstract'])}, at title and abstract and at full text.`
      : `Each record is screened by ${who(per['title-abstract'])} at title and abstract and by ${who(per['full-text'])} at full text.`;
  const single = [per['title-abstract'], per['full-text']].includes(1)
    ? ' Screening was not duplicated where one reviewer decides: no second reviewer checked those decisions, and no agreement (kappa) can be computed for them.'
    : ` Where reviewers disagree, the votes of "${settings.consensus}" settle the record.`;
  return stages + single;
}
