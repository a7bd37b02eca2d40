import { z } from 'zod';

/** The payload of the jobs that act on one request (pull request, reminder, expiry). */
export const requestIdPayload = z.object({ requestId: z.string().min(1) });
