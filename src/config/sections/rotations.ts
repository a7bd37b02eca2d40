// Placeholder: the rota engine owner replaces this with the real rotation schema.
import { z } from 'zod';
export const rotationSchema = z.object({ id: z.string() }).passthrough();
