import { distance } from 'fastest-levenshtein';

/** The candidate nearest to `input` (prefix matches first, then edit distance), or undefined when nothing is close. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  const needle = input.toLowerCase();
  if (!needle) return undefined;
  const prefix = candidates.find((c) => c.toLowerCase().startsWith(needle));
  if (prefix) return prefix;
  let best: string | undefined;
  let bestScore = Infinity;
  for (const c of candidates) {
    const d = distance(needle, c.toLowerCase());
    if (d < bestScore) {
      bestScore = d;
      best = c;
    }
  }
  const limit = Math.max(2, Math.ceil(needle.length / 2));
  return bestScore <= limit ? best : undefined;
}
