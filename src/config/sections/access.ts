// Placeholder: the access owner replaces this with the real access settings schema.
import { z } from 'zod';
export const accessSettingsSchema = z.object({}).passthrough();
