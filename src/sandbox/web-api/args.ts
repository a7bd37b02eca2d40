import type { ApiError, Args } from './context.ts';

/**
 * Reading arguments the way Slack does: form posts carry everything as strings (that is what
 * @slack/web-api sends), JSON posts carry real types; both must mean the same.
 */

export function str(args: Args, key: string): string | undefined {
  const v = args[key];
  if (typeof v === 'string') return v === '' ? undefined : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

export function bool(args: Args, key: string): boolean {
  const v = args[key];
  return v === true || v === 'true' || v === '1' || v === 1;
}

/** Form posts carry objects as JSON strings; JSON posts carry them as is. */
export function jsonArg(args: Args, key: string, badFormat: ApiError): unknown {
  const v = args[key];
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    throw badFormat;
  }
}

/** A list given as an array, a JSON array or a comma-separated string. */
export function listArg(args: Args, key: string): string[] {
  const v = args[key];
  if (Array.isArray(v)) return v.map(String).filter(Boolean);
  if (typeof v !== 'string') return [];
  const trimmed = v.trim();
  if (trimmed.startsWith('[')) {
    const parsed: unknown = JSON.parse(trimmed);
    if (Array.isArray(parsed)) return parsed.map(String).filter(Boolean);
  }
  return trimmed.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Offset-cursor pagination for lists that do not change under the reader (channels). */
export function paged<T>(items: T[], args: Args, defaultLimit: number): { page: T[]; next: string } {
  const limit = Math.min(Math.max(Number(str(args, 'limit') ?? defaultLimit) || defaultLimit, 1), 1000);
  const cursor = str(args, 'cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString().replace(/^offset:/, '')) || 0 : 0;
  const page = items.slice(start, start + limit);
  const next = start + limit < items.length ? Buffer.from(`offset:${start + limit}`).toString('base64url') : '';
  return { page, next };
}
