/**
 * Which due jobs a runner claims first (lower first, then by due time). A deadline job is what a
 * person waits on by the clock (an escalation step); a delivery is what such a job fans out into
 * (the DMs of a step); the rest (message refreshes, thread lines, reports) can wait a moment.
 */
export const JOB_PRIORITY = {
  deadline: 0,
  delivery: 50,
  normal: 100,
} as const;

export type JobPriority = (typeof JOB_PRIORITY)[keyof typeof JOB_PRIORITY];
