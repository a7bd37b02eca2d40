/** Errors keyed by block id, as a view submission's ack takes them (fields without an error left out). */
export function fieldErrors(errors: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(errors).filter((e): e is [string, string] => e[1] !== undefined));
}
