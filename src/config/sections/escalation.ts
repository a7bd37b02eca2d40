// Re-exported so the root schema does not depend on where the escalation core keeps its schema.
import { z } from 'zod';
export const escalationPolicySchema = z.object({ id: z.string() }).passthrough();
