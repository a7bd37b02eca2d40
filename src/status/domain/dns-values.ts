/** Canonical form of a DNS value, so zone-config text and resolver answers compare equal. */
export function canonicalDnsValue(type: string, value: string): string {
  switch (type) {
    case 'A':
      return value.trim();
    case 'AAAA':
      return canonicalIpv6(value.trim());
    case 'CNAME':
    case 'NS':
      return canonicalName(value);
    case 'MX': {
      const [pref = '', exchange = ''] = value.trim().split(/\s+/);
      return `${Number(pref)} ${canonicalName(exchange)}`;
    }
    case 'TXT':
      // octodns escapes ';' in TXT values.
      return value.replace(/\\;/g, ';');
    case 'CAA': {
      const [flags = '', tag = '', ...rest] = value.trim().split(/\s+/);
      return `${Number(flags)} ${tag.toLowerCase()} ${rest.join(' ')}`;
    }
    default:
      return value;
  }
}

function canonicalName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

/** Eight lowercase 4-digit groups; unparseable text is returned as is. */
export function canonicalIpv6(address: string): string {
  const lower = address.toLowerCase();
  const halves = lower.split('::');
  if (halves.length > 2) return lower;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) takes two groups.
  const last = tail.length > 0 ? tail : head;
  const v4 = last.at(-1)?.includes('.') ? last.pop() : undefined;
  if (v4 !== undefined) {
    const parts = v4.split('.').map(Number);
    if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return lower;
    const [a = 0, b = 0, c = 0, d = 0] = parts;
    last.push(((a << 8) | b).toString(16), ((c << 8) | d).toString(16));
  }
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return lower;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return lower;
  return groups.map((g) => g.padStart(4, '0')).join(':');
}
