// Small text formatters shared by pages, charts and messages.

/** "1 study", "3 studies", "0 studies": a count with its noun, plural when it is not one. */
export function countNoun(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
