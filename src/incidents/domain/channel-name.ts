/** Slack channel names: lowercase letters, digits, `-` and `_`, at most 80 characters. */
export const MAX_CHANNEL_NAME = 80;

/** `Registry pulls failing!` → `registry-pulls-failing`; accents dropped, runs of anything else become one dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

function yyyymmdd(at: Date): string {
  return at.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * `inc-20261123-registry-pulls-failing`, or with `attempt` ≥ 2 `…-failing-2`, always ≤ 80 chars:
 * the slug is cut (at a dash when possible) to leave room for the suffix. Dates are UTC so every
 * replica names the channel the same way.
 */
export function incidentChannelName(title: string, declaredAt: Date, attempt = 1): string {
  const prefix = `inc-${yyyymmdd(declaredAt)}`;
  const suffix = attempt > 1 ? `-${attempt}` : '';
  const room = MAX_CHANNEL_NAME - prefix.length - suffix.length - 1;
  let slug = slugify(title);
  if (slug.length > room) {
    slug = slug.slice(0, room);
    const cut = slug.lastIndexOf('-');
    if (cut > room / 2) slug = slug.slice(0, cut);
    slug = slug.replace(/-+$/, '');
  }
  return slug ? `${prefix}-${slug}${suffix}` : `${prefix}${suffix || ''}`;
}
