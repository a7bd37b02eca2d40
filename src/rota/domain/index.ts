// The rota engine's public surface: pure functions of rotations, changes and instants.
export type * from './types.ts';
export { HandoffSchedule, firstHandoff } from './handoff-schedule.ts';
export { PreparedRotation, DEFAULT_HANDOFF_HORIZON_MS, type IgnoredChange } from './prepare-rotation.ts';
export { prepareRotation, changesFor, type ChangesByRotation } from './prepared-cache.ts';
export { whoIsOnCall } from './who-is-on-call.ts';
export { shifts } from './shifts.ts';
export { nextHandoff } from './next-handoff.ts';
export { PreparedLayers, prepareLayers, whoIsOnCallLayered, shiftsLayered, nextHandoffLayered } from './layers.ts';
export { secondaryOf, secondaryOnCall, secondaryOfLayers, rotationLookup, type SecondaryOnCall, type RotationLookup } from './secondary.ts';
export * from './staffing.ts';
export * from './validate-override.ts';
export * from './validate-swap.ts';
