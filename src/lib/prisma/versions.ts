// The versions of a living review side by side: each version's flow as its diagram lines (the box
// text step of the layout, not the whole layout), one column per version (current last), and what changed.
import type { Flow } from '../../schemas/flow';
import type { Review } from '../../schemas/review';
import { prismaBoxText } from './box-text';

/** One version's column in the versions table. */
export interface VersionColumn {
  version: string;
  date: string | null;
  current: boolean;
}

/** Every version's flow side by side: one row per box line, one column per version (current last). */
export interface FlowVersions {
  columns: VersionColumn[];
  /** Each column's heading: "Version 2 (current)". */
  headings: string[];
  rows: { stage: string; label: string; cells: string[] }[];
  /** What changed in each earlier version, oldest first. */
  changes: { version: string; date: string; summary: string }[];
}

/** The versions table of a living review; null unless an earlier version records its flow. */
export function flowVersions(review: Review): FlowVersions | null {
  // An entry for the current version itself (same label) gives no column: review.flow is the current flow.
  const earlier = review.changes.filter((c): c is typeof c & { flow: Flow } => c.flow !== undefined && c.version !== review.version);
  if (earlier.length === 0) return null;
  const versions = [
    ...earlier.map((c) => ({ column: { version: c.version, date: c.date, current: false }, flow: c.flow })),
    { column: { version: review.version ?? 'current', date: null, current: true }, flow: review.flow },
  ];
  // Rows: the union of every version's diagram rows, each kept after the row it follows in its version.
  const order: { stage: string; label: string }[] = [];
  const values = versions.map((v) => {
    const { rows } = prismaBoxText(v.flow, { reasons: review.exclusion_reasons });
    let last = -1;
    for (const row of rows) {
      const at = order.findIndex((o) => o.label === row.label);
      if (at >= 0) last = at;
      else order.splice(++last, 0, { stage: row.stage, label: row.label });
    }
    return new Map(rows.map((r) => [r.label, r.text]));
  });
  return {
    columns: versions.map((v) => v.column),
    headings: versions.map((v) => `Version ${v.column.version}${v.column.current ? ' (current)' : ''}`),
    rows: order.map((o) => ({ ...o, cells: values.map((v) => v.get(o.label) ?? '—') })),
    changes: review.changes.map((c) => ({ version: c.version, date: c.date, summary: c.summary })),
  };
}
