/**
 * Whether an error means the database could not be reached (as opposed to a bug or a conflict):
 * refused or dropped connections, a pool that timed out connecting, PostgreSQL shutting down or
 * out of connections, a SQLite file that is locked or cannot be opened.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof AggregateError) return err.errors.some(isDatabaseUnavailable);
  if (err === null || typeof err !== 'object') return false;
  const code = 'code' in err ? String(err.code) : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN'].includes(code)) return true;
  // PostgreSQL: admin/crash shutdown, cannot connect now, connection failures, too many connections.
  if (/^(57P0[1-3]|08\d{3}|53300)$/.test(code)) return true;
  const message = err instanceof Error ? err.message : '';
  if (/timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|connect ECONNREFUSED/i.test(message)) return true;
  const cause = 'cause' in err ? err.cause : undefined;
  return cause !== undefined && cause !== err && isDatabaseUnavailable(cause);
}
