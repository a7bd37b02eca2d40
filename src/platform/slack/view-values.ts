/**
 * Reading a submitted view's `state.values` (block id → action id → value) without casts; a
 * missing field reads as empty, so a handler validates what it got instead of crashing on it.
 */
import type { ViewStateValue } from '@slack/bolt';

export type ViewValues = Readonly<Record<string, Readonly<Record<string, ViewStateValue>>>>;

function field(values: ViewValues, blockId: string, actionId: string): ViewStateValue | undefined {
  return values[blockId]?.[actionId];
}

/** A text input's value, as typed ('' when empty or absent). */
export function textValue(values: ViewValues, blockId: string, actionId: string): string {
  return field(values, blockId, actionId)?.value ?? '';
}

/** The value of a single select or radio group. */
export function selectedValue(values: ViewValues, blockId: string, actionId: string): string | undefined {
  return field(values, blockId, actionId)?.selected_option?.value ?? undefined;
}

/** The values of a multi-select or checkbox group. */
export function selectedValues(values: ViewValues, blockId: string, actionId: string): string[] {
  return (field(values, blockId, actionId)?.selected_options ?? []).map((o) => o.value);
}

export function selectedUser(values: ViewValues, blockId: string, actionId: string): string | undefined {
  return field(values, blockId, actionId)?.selected_user ?? undefined;
}

export function selectedDate(values: ViewValues, blockId: string, actionId: string): string | undefined {
  return field(values, blockId, actionId)?.selected_date ?? undefined;
}

export function selectedTime(values: ViewValues, blockId: string, actionId: string): string | undefined {
  return field(values, blockId, actionId)?.selected_time ?? undefined;
}

/** A datetimepicker's value, epoch seconds. */
export function selectedDateTime(values: ViewValues, blockId: string, actionId: string): number | undefined {
  return field(values, blockId, actionId)?.selected_date_time ?? undefined;
}

/** The first action's value in a block, whatever its action id (single-field modals). */
export function onlyTextIn(values: ViewValues, blockId: string): string {
  const entry = Object.values(values[blockId] ?? {})[0];
  return entry?.value ?? '';
}
