import { describe, expect, it } from 'vitest';
import { pinMessage } from '../../../src/incidents/use-cases/pin-message.ts';
import { anIncident, ARNAUD, BEN, DIMS, incidentTestDeps } from '../helpers/fakes.ts';

const TS = '1764000123.000100';

describe('pinMessage', () => {
  it('adds the pinned message to the timeline once, whoever pins it again', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS, acknowledgedAt: null }));
    deps.channels.messages.set(TS, { author: BEN, text: 'Root cause: expired cert' });
    const r = await pinMessage(deps, { channel: 'C0INC1', ts: TS, by: DIMS });
    expect(r).toMatchObject({ ok: true, after: { acknowledgedAt: deps.clock.now() } });
    expect((await deps.incidents.timeline('inc-1')).at(-1)).toMatchObject({ kind: 'pin', actor: DIMS, text: `<@${BEN}>: Root cause: expired cert` });
    expect(await pinMessage(deps, { channel: 'C0INC1', ts: TS, by: ARNAUD })).toEqual({ ok: false, reason: 'Already on the timeline.', duplicate: true });
    expect(await pinMessage(deps, { channel: 'C0INC1', ts: TS, by: DIMS })).toEqual({ ok: false, reason: 'Already done.', duplicate: true });
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'pin')).toHaveLength(1);
    expect(deps.incidents.audits().map((a) => a.action)).toEqual(['incident.message_pinned']);
  });

  it('does nothing outside an open incident channel or for a message it cannot read', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ id: 'inc-2', channelId: 'C0DONE', status: 'resolved' }));
    deps.channels.messages.set(TS, { author: BEN, text: 'x' });
    expect(await pinMessage(deps, { channel: 'C0OTHER', ts: TS, by: BEN })).toBeUndefined();
    expect(await pinMessage(deps, { channel: 'C0DONE', ts: TS, by: BEN })).toBeUndefined();
    deps.incidents.put(anIncident());
    expect(await pinMessage(deps, { channel: 'C0INC1', ts: '1.2', by: BEN })).toBeUndefined();
    deps.channels.message = async () => {
      throw new Error('missing_scope');
    };
    expect(await pinMessage(deps, { channel: 'C0INC1', ts: TS, by: BEN })).toBeUndefined();
    expect(deps.log.warn).toHaveBeenCalledWith(expect.objectContaining({ incident: 'inc-1' }), 'could not add a pinned message to the timeline');
    expect(deps.incidents.effects).toEqual([]);
  });
});
