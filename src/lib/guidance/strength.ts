// Evidence strength of a guidance point, computed from the records it cites (never typed by hand).
//
// The rule, in plain words (also printed on /guides/#strength from the same constants):
// 1. A cited study *counts* only if it is in the evidence (some review includes it), its record
//    was checked at least against the abstract (verification "full-text" or "abstract") and none
//    of the facts the point relies on (`about`) is listed as unconfirmed. Other cited studies are
//    shown, each with the reason it does not count, but add nothing.
// 2. Over the counted studies: how many distinct samples (records of the same participants count
//    once), how many are randomized trials (design "rct", confirmed), how many participants
//    (confirmed sample sizes only, each sample once; "not reported" adds 0), and how many were
//    checked against the full text.
// 3. The label is the highest level whose every threshold is met; otherwise "very limited".
// 4. A cited systematic review or meta-analysis never counts: the label is about primary studies,
//    and the studies it pooled would be counted twice. It is listed with its pooled numbers as a
//    review-level finding beside the label; cite the primary studies to raise the label.
import type { Study } from '../../schemas';
import { deriveSamples, evidenceStatus, isSynthesis } from '../evidence-base';
import { isUnverified } from '../provenance';
import { fieldName } from '../study-view';
import { countNoun, formatCount, plural } from '../format';

export const strengthLevels = ['very-limited', 'limited', 'moderate', 'strong'] as const;
export type StrengthLevel = (typeof strengthLevels)[number];

/** What a level requires of the counted studies. */
export interface StrengthThreshold {
  /** Distinct samples among the counted studies, at least. */
  studies: number;
  /** Counted randomized controlled trials, at least. */
  rcts: number;
  /** Participants over counted studies with a confirmed sample size, at least. */
  participants: number;
  /** Counted studies checked against the full text, at least. */
  fullText: number;
  /** Every cited study must count and have been checked against the full text. */
  everyCitedFullText: boolean;
}

/** The thresholds, weakest level first. "very limited" has none: it is what remains. */
export const strengthRule: Record<Exclude<StrengthLevel, 'very-limited'>, StrengthThreshold> = {
  limited: { studies: 2, rcts: 0, participants: 50, fullText: 0, everyCitedFullText: false },
  moderate: { studies: 3, rcts: 1, participants: 200, fullText: 2, everyCitedFullText: false },
  strong: { studies: 5, rcts: 2, participants: 500, fullText: 5, everyCitedFullText: true },
};

export const strengthLabels: Record<StrengthLevel, string> = {
  'very-limited': 'Very limited',
  limited: 'Limited',
  moderate: 'Moderate',
  strong: 'Strong',
};

/** The figures a label is computed from. */
export interface StrengthTally {
  /** Studies cited. */
  cited: number;
  /** Studies that count (rule 1). */
  counted: number;
  /** Distinct samples among the counted studies (records of the same participants count once). */
  samples: number;
  /** Ids of cited studies that do not count. */
  notCounted: string[];
  /** Counted randomized controlled trials. */
  rcts: number;
  /** Participants over counted samples with a confirmed sample size, each sample once. */
  participants: number;
  /** Counted studies whose sample size is not reported or not confirmed. */
  sampleSizeUnknown: number;
  /** Counted studies checked against the full text. */
  fullText: number;
  /** Cited reviews and meta-analyses (rule 4: never counted, shown as review-level findings). */
  syntheses: number;
}

export interface Strength extends StrengthTally {
  level: StrengthLevel;
  /** "Very limited", "Limited", ... */
  label: string;
  /** The figures in one plain sentence, e.g. "2 of 3 cited studies count: 1 randomized trial, 144 participants; none checked against the full text." */
  basis: string;
}

/** Options: the field paths the point relies on, e.g. `['alliance.outcome_link']`. */
export interface StrengthOptions {
  about?: readonly string[] | undefined;
}

type Cited = Pick<Study, 'id' | 'design' | 'sample_size' | 'provenance' | 'reviews'> & {
  same_participants_as?: Study['same_participants_as'];
};

/** Why a cited study does not add to a point about `about` (rule 1); empty when it counts. */
export function notCountedBecause(study: Cited, about: readonly string[] = []): string[] {
  const reasons: string[] = [];
  if (isSynthesis(study))
    reasons.push(
      'a review of studies: its pooled result is a review-level finding, and the studies it pooled count through their own records',
    );
  const status = evidenceStatus(study);
  if (status === 'pending') reasons.push('awaiting screening, so not part of the evidence');
  if (status === 'excluded') reasons.push('excluded from the evidence');
  const checked = study.provenance.verification === 'full-text' || study.provenance.verification === 'abstract';
  if (!checked)
    reasons.push(study.provenance.verification === 'bibliographic' ? 'only its citation was checked' : 'no source for it could be read');
  const unconfirmed = about.filter((field) => isUnverified(study, field));
  if (unconfirmed.length > 0) reasons.push(`${unconfirmed.map(fieldName).join(', ')} not confirmed`);
  return reasons;
}

/** True when the study adds to the strength of a point about `about` (rule 1). */
export function counts(study: Cited, about: readonly string[] = []): boolean {
  return notCountedBecause(study, about).length === 0;
}

/** Counts what the rule looks at. Duplicate ids are counted once; records of the same participants are one sample. */
export function tallyEvidence(studies: readonly Cited[], options: StrengthOptions = {}): StrengthTally {
  const unique = [...new Map(studies.map((s) => [s.id, s])).values()];
  const counted = unique.filter((s) => counts(s, options.about));
  const confirmedSize = (s: Cited) => s.sample_size !== null && !isUnverified(s, 'sample_size');
  const samples = deriveSamples(counted.map((s) => ({ ...s, sample_size: confirmedSize(s) ? s.sample_size : null })));
  return {
    cited: unique.length,
    counted: counted.length,
    samples: samples.samples.length,
    notCounted: unique.filter((s) => !counted.includes(s)).map((s) => s.id),
    rcts: counted.filter((s) => s.design === 'rct' && !isUnverified(s, 'design')).length,
    participants: samples.participants,
    sampleSizeUnknown: counted.filter((s) => !confirmedSize(s)).length,
    fullText: counted.filter((s) => s.provenance.verification === 'full-text').length,
    syntheses: unique.filter(isSynthesis).length,
  };
}

/** True when the tally meets every threshold of a level. */
export function meets(t: StrengthTally, threshold: StrengthThreshold): boolean {
  return (
    t.samples >= threshold.studies &&
    t.rcts >= threshold.rcts &&
    t.participants >= threshold.participants &&
    t.fullText >= threshold.fullText &&
    (!threshold.everyCitedFullText || t.fullText === t.cited)
  );
}

/** "no studies", "1 study", "3 studies". */
const countOrNo = (n: number, one: string, many = `${one}s`) => (n === 0 ? `no ${many}` : countNoun(n, one, many));

/** The tally as one plain sentence. */
export function formatBasis(t: StrengthTally): string {
  const primary = t.cited - (t.syntheses ?? 0);
  const reviews =
    t.syntheses > 0
      ? ` ${countNoun(t.syntheses, 'review or meta-analysis', 'reviews and meta-analyses')} also cited ${plural(t.syntheses, 'is', 'are')} a review-level finding, shown with its own numbers, and never ${plural(t.syntheses, 'counts', 'count')} here.`
      : '';
  if (primary === 0 && t.syntheses > 0)
    return `No primary study is cited, so the label rests on none:${reviews.replace(' also cited', ' cited')}`;
  const count =
    t.counted === primary
      ? `${countOrNo(primary, 'cited study', 'cited studies')}`
      : `${t.counted} of ${countOrNo(primary, 'cited study', 'cited studies')} count`;
  const sampleNote =
    t.samples < t.counted ? ` (${formatCount(t.samples)} distinct ${plural(t.samples, 'sample')}: some report the same participants)` : '';
  const unknown = t.sampleSizeUnknown > 0 ? ` (sample size not confirmed in ${t.sampleSizeUnknown})` : '';
  const fullText = t.fullText === 0 ? 'none checked against the full text' : `${t.fullText} checked against the full text`;
  if (t.counted === 0) return `${count}: none is confirmed well enough to support this point.${reviews}`;
  const people = t.participants === 0 ? 'no confirmed sample size' : `${countOrNo(t.participants, 'participant')}${unknown}`;
  return `${count}${sampleNote}: ${countOrNo(t.rcts, 'randomized trial')}, ${people}; ${fullText}.${reviews}`;
}

/** The evidence strength of a point citing `studies`. */
export function deriveStrength(studies: readonly Cited[], options: StrengthOptions = {}): Strength {
  const tally = tallyEvidence(studies, options);
  const level = (['strong', 'moderate', 'limited'] as const).find((l) => meets(tally, strengthRule[l])) ?? 'very-limited';
  return { ...tally, level, label: strengthLabels[level], basis: formatBasis(tally) };
}

/** The rule in plain sentences, one per level, strongest first, built from `strengthRule`. */
export function describeStrengthRule(): { level: StrengthLevel; label: string; requires: string }[] {
  const describe = (t: StrengthThreshold): string => {
    const parts = [`at least ${countOrNo(t.studies, 'study', 'studies')} that count (each sample once)`];
    if (t.rcts > 0) parts.push(`${countOrNo(t.rcts, 'randomized controlled trial')} among them`);
    parts.push(`at least ${t.participants} participants in total`);
    if (t.everyCitedFullText) parts.push('every cited study checked against the full text');
    else if (t.fullText > 0) parts.push(`at least ${t.fullText} checked against the full text`);
    return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}.`;
  };
  return [
    ...(['strong', 'moderate', 'limited'] as const).map((level) => ({
      level,
      label: strengthLabels[level],
      requires: describe(strengthRule[level]),
    })),
    {
      level: 'very-limited' as const,
      label: strengthLabels['very-limited'],
      requires: 'anything less: a single study, very few participants, or records not confirmed well enough to count.',
    },
  ];
}

/** The highest level reachable while no record has been checked against the full text. */
export function ceilingWithoutFullText(): StrengthLevel {
  return (
    (['strong', 'moderate', 'limited'] as const).find((l) => strengthRule[l].fullText === 0 && !strengthRule[l].everyCitedFullText) ??
    'very-limited'
  );
}
