import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOwnersE2E, textOf, U, type OwnersRig } from '../owners/owners-e2e-fixture.ts';

describe('the contact directory without CONTACTS_KEY', () => {
  let rig: OwnersRig;
  beforeAll(async () => {
    rig = await startOwnersE2E({ contactsKey: null, github: false });
  });
  afterAll(async () => rig.stop());

  it('starts, says so in the log, and tells whoever asks that nothing can be stored or shown', async () => {
    expect(rig.h.bot.logLines.some((l) => l.includes('contact directory not configured'))).toBe(true);
    for (const text of ['contact', 'contact @bentheelder']) {
      expect(textOf(await rig.command(U.bentheelder, text))).toContain('The contact directory is not configured');
    }
    expect(rig.h.slack.topView(U.bentheelder)).toBeUndefined();
  });
});
