import { z } from 'zod';

const channelRef = z.strictObject({
  name: z.string().regex(/^[a-z0-9_-]{1,80}$/, 'expected a Slack channel name without #'),
  id: z.string().regex(/^[CG][A-Z0-9]{2,}$/).optional(),
});

export const channelsSchema = z.strictObject({
  announcements: channelRef,
  alerts: channelRef,
});
export type Channels = z.infer<typeof channelsSchema>;
