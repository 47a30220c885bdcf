// A cited study as the guidance pages show it: the facts a practitioner needs, each marked when unconfirmed.
import type { Study } from '../../schemas';
import { designLabels, formatList, modalityLabels } from '../labels';
import { isUnverified } from '../provenance';
import { shortCitation } from '../summary';
import { isSynthesis } from '../evidence-base';
import { pooledRow } from '../synthesis-view';
import { notCountedBecause } from './strength';

/** One fact and whether the record confirms it. */
export interface Fact {
  text: string;
  unconfirmed: boolean;
}

export interface EvidenceItem {
  id: string;
  /** "Cook & Doyle (2002)". */
  citation: string;
  year: Fact;
  modality: Fact;
  design: Fact;
  /** "N = 46" or "N not reported". */
  n: Fact;
  /** The alliance finding (or the summary when the record has none). */
  finding: Fact;
  /** Nothing about the study could be confirmed (verification "unverified"). */
  recordUnconfirmed: boolean;
  /** The study adds to the point's strength label (see strength.ts, rule 1). */
  counts: boolean;
  /** Why it does not count, e.g. "unconfirmed: alliance.measures"; empty when it counts. */
  notCountedBecause: string[];
}

/** The study's results are unconfirmed when only its citation (or nothing) was checked. */
function resultsUnconfirmed(s: Study): boolean {
  return s.provenance.verification === 'bibliographic' || s.provenance.verification === 'unverified';
}

/** A review of studies' finding with its headline pooled estimates after it, as the review reports them. */
function withPooled(s: Study, finding: Fact): Fact {
  if (!isSynthesis(s) || !s.synthesis || s.synthesis.pooled.length === 0) return finding;
  const pooled = s.synthesis.pooled.map(pooledRow).map((r) => {
    const extra = [r.k !== 'not reported' ? `k = ${r.k}` : '', r.i2 !== 'not reported' ? `I² = ${r.i2}` : ''].filter(Boolean);
    return `${r.label}: ${r.measure} ${r.estimate} (95% CI ${r.ci}${extra.length > 0 ? `; ${extra.join(', ')}` : ''})`;
  });
  return {
    text: `${finding.text} Pooled, as the review reports it: ${pooled.join('; ')}.`,
    unconfirmed: finding.unconfirmed || isUnverified(s, 'synthesis.pooled'),
  };
}

/** The facts an evidence list shows for one study cited by a point about `about` (field paths). */
export function describeEvidence(s: Study, about: readonly string[] = []): EvidenceItem {
  const u = (path: string) => isUnverified(s, path);
  const reasons = notCountedBecause(s, about);
  return {
    counts: reasons.length === 0,
    notCountedBecause: reasons,
    id: s.id,
    citation: shortCitation(s),
    year: { text: String(s.year), unconfirmed: u('year') },
    modality: {
      text: formatList(s.modalities.map((m, i) => (i === 0 ? modalityLabels[m] : modalityLabels[m].toLowerCase()))),
      unconfirmed: u('modalities'),
    },
    design: { text: designLabels[s.design], unconfirmed: u('design') },
    n: s.synthesis
      ? {
          text:
            s.synthesis.studies_included === null ? 'studies included not reported' : `${s.synthesis.studies_included} studies included`,
          unconfirmed: u('synthesis.studies_included'),
        }
      : { text: s.sample_size === null ? 'N not reported' : `N = ${s.sample_size}`, unconfirmed: u('sample_size') },
    finding: withPooled(
      s,
      s.alliance.finding
        ? { text: s.alliance.finding, unconfirmed: u('alliance.finding') || resultsUnconfirmed(s) }
        : { text: s.summary, unconfirmed: resultsUnconfirmed(s) },
    ),
    recordUnconfirmed: s.provenance.verification === 'unverified',
  };
}
