// Placeholder: the status owner replaces this with the real probe schema.
import { z } from 'zod';
export const probeSchema = z.object({ type: z.string() }).passthrough();
