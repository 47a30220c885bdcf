// A review's screening settings in plain words, for its page.
import type { Review } from '../../schemas';
import type { ScreeningRules } from '../prisma/screening';

type Settings = NonNullable<Review['screening']>;

/** Reviewers a record needs at each stage. */
export function reviewersPerStage(settings: Settings): { 'title-abstract': number; 'full-text': number } {
  const r = settings.reviewers;
  return typeof r === 'number' ? { 'title-abstract': r, 'full-text': r } : r;
}

/**
 * How the derivation decides a review's records: the consensus reviewer's name and the reviewers a
 * record needs at each stage, from the review's settings (none: the defaults, 2 and `consensus`).
 */
export function screeningRules(settings: Review['screening'] | undefined): ScreeningRules {
  if (!settings) return {};
  return { consensusReviewers: [settings.consensus], votesRequired: reviewersPerStage(settings) };
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
  const other =
    (settings.other_methods ?? []).length > 0
      ? ' Records found by other methods (citation searching, websites, organisations) are not screened on title and abstract: they are screened at full text only.'
      : '';
  return stages + single + other;
}
