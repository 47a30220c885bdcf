// How sure a record is of each field: reads provenance.unverified_fields.
import type { Study } from '../schemas';

/** True when `path` (or a field containing it, or a field inside it) is listed as unverified. */
export function isUnverified(study: Pick<Study, 'provenance'>, path: string): boolean {
  return study.provenance.unverified_fields.some(
    (u) => u === path || path.startsWith(`${u}.`) || path.startsWith(`${u}[`) || u.startsWith(`${path}.`) || u.startsWith(`${path}[`),
  );
}
