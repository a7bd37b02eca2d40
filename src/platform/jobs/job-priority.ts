/**
 * How long (ms) a due job yields to more urgent ones: a runner claims by due time plus this, so a
 * deadline job (an escalation step: a person waits on it by the clock) goes ahead of the
 * deliveries it fans out into (the DMs of earlier steps), and those ahead of the rest (message
 * refreshes, thread lines, reports). A job yields for that long at most, never for ever: a backlog
 * of steps cannot starve the DMs they send.
 */
export const JOB_PRIORITY = {
  deadline: 0,
  delivery: 1_000,
  normal: 5_000,
} as const;

export type JobPriority = (typeof JOB_PRIORITY)[keyof typeof JOB_PRIORITY];
