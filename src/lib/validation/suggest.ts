// "Did you mean …" suggestions for misspelt field names and vocabulary values.

/** Levenshtein edit distance between two strings. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j]!;
      prev[j] = Math.min(above + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = above;
    }
  }
  return prev[b.length]!;
}

/** The closest candidate to `value`, if it is near enough to be a likely typo. */
export function closest(value: string, candidates: readonly string[]): string | undefined {
  const v = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = editDistance(v, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  const tolerance = Math.max(2, Math.round(v.length * 0.4));
  if (best !== undefined && bestDistance <= tolerance) return best;
  // A truncated or half-typed name ("modalty" for "modalities") shares a long prefix.
  const sharesPrefix = candidates.filter((c) => v.length >= 5 && c.toLowerCase().startsWith(v.slice(0, 5)));
  return sharesPrefix.length === 1 ? sharesPrefix[0] : undefined;
}
