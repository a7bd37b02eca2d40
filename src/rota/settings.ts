import { DEFAULT_MAX_OVERRIDE_MS } from './domain/validate-override.ts';

/** What the rota module takes beyond infra.yaml's `rotations:` (`rotaModule(settings)`). */
export interface RotaSettings {
  /** The longest override one person may create (the modal refuses longer ones inline). */
  maxOverrideMs: number;
  /** How far ahead calendar feeds list shifts. */
  calendarWeeks: number;
  /** Default and cap of `/k8s-infra schedule <subproject> [weeks]`. */
  scheduleWeeks: number;
  maxScheduleWeeks: number;
}

export const DEFAULT_ROTA_SETTINGS: RotaSettings = { maxOverrideMs: DEFAULT_MAX_OVERRIDE_MS, calendarWeeks: 12, scheduleWeeks: 4, maxScheduleWeeks: 12 };
