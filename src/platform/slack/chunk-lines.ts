/** Splits lines into chunks of at most `max` characters (Slack: 3000 per section text). */
export function chunkLines(lines: readonly string[], max = 2900): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of lines) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length > max && current) {
      chunks.push(current);
      current = line.slice(0, max);
    } else current = candidate.slice(0, max);
  }
  if (current) chunks.push(current);
  return chunks;
}
