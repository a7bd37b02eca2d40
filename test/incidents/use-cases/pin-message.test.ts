import { describe, expect, it } from 'vitest';
import { openIncidentOfChannel, pinMessage } from '../../../src/incidents/use-cases/pin-message.ts';
import { HOSTILE, unescapedHostile } from '../../helpers/hostile.ts';
import { actor, anIncident, ARNAUD, BEN, DIMS, incidentTestDeps } from '../helpers/fakes.ts';

const TS = '1764000123.000100';

describe('pinMessage', () => {
  it('adds the pinned message to the timeline once, whoever pins it again', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ commander: DIMS, acknowledgedAt: null }));
    deps.channels.messages.set(TS, { author: BEN, text: 'Root cause: expired cert' });
    const incident = (await openIncidentOfChannel(deps, 'C0INC1'))!;
    const r = await pinMessage(deps, incident, { channel: 'C0INC1', ts: TS, by: actor(DIMS) });
    expect(r).toMatchObject({ ok: true, after: { acknowledgedAt: deps.clock.now() } });
    expect((await deps.incidents.timeline('inc-1')).at(-1)).toMatchObject({ kind: 'pin', actor: DIMS, text: `<@${BEN}>: Root cause: expired cert` });
    expect(await pinMessage(deps, incident, { channel: 'C0INC1', ts: TS, by: actor(ARNAUD) })).toEqual({ ok: false, reason: 'Already on the timeline.', duplicate: true });
    expect(await pinMessage(deps, incident, { channel: 'C0INC1', ts: TS, by: actor(DIMS) })).toEqual({ ok: false, reason: 'Already done.', duplicate: true });
    expect((await deps.incidents.timeline('inc-1')).filter((e) => e.kind === 'pin')).toHaveLength(1);
    expect(deps.incidents.audits().map((a) => a.action)).toEqual(['incident.message_pinned']);
  });

  it('reads the message as the text it shows: a hostile message joins the timeline escaped', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident());
    deps.channels.messages.set(TS, { author: BEN, text: `${HOSTILE} &lt;b&gt;` });
    await pinMessage(deps, (await openIncidentOfChannel(deps, 'C0INC1'))!, { channel: 'C0INC1', ts: TS, by: actor(ARNAUD) });
    const entry = (await deps.incidents.timeline('inc-1')).at(-1)!;
    expect(unescapedHostile(entry)).toEqual([]);
    expect(entry.text).toBe(`<@${BEN}>: @channel @here @everyone @S0LEADS @U0DIMS001 click me (https://evil.example) &amp; #C0SECRET &lt;b&gt;`);
  });

  it('refuses someone who may not add to the timeline; does nothing outside an open incident or for a message it cannot read', async () => {
    const deps = incidentTestDeps();
    deps.incidents.put(anIncident({ id: 'inc-2', channelId: 'C0DONE', status: 'resolved' }));
    deps.channels.messages.set(TS, { author: BEN, text: 'x' });
    expect(await openIncidentOfChannel(deps, 'C0OTHER')).toBeUndefined();
    expect(await openIncidentOfChannel(deps, 'C0DONE')).toBeUndefined();
    deps.incidents.put(anIncident());
    const incident = (await openIncidentOfChannel(deps, 'C0INC1'))!;
    expect(await pinMessage(deps, incident, { channel: 'C0INC1', ts: TS, by: actor('U0STRANGR') })).toMatchObject({ ok: false, refused: 'pin' });
    expect(await pinMessage(deps, incident, { channel: 'C0INC1', ts: '1.2', by: actor(BEN) })).toBeUndefined();
    deps.channels.message = async () => {
      throw new Error('missing_scope');
    };
    await expect(pinMessage(deps, incident, { channel: 'C0INC1', ts: TS, by: actor(BEN) })).rejects.toThrow('missing_scope');
    expect(deps.incidents.effects).toEqual([]);
  });
});
