/** "1 change", "2 changes"; `plural` for words that do not just take an s ("1 was", "2 were"). */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}
