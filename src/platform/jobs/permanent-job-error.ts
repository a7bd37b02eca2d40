/** Thrown by a job handler when retrying cannot help: the runner fails the job for good. */
export class PermanentJobError extends Error {}
