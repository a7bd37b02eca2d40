import { describe, expect, it } from 'vitest';
import { accessPeople } from '../../src/access/access-people.ts';

const people = accessPeople([
  { slack: 'U0AMEUKAM', github: 'ameukam', email: 'ameukam@example.org', name: 'Arnaud Meukam' },
  { slack: 'U0BENTHEE', github: 'BenTheElder', email: 'bentheelder@example.org', name: 'Benjamin Elder' },
]);

describe('accessPeople', () => {
  it('maps Slack users to actors and GitHub handles to Slack users, case-insensitively', () => {
    expect(people.actorFor('U0AMEUKAM')).toEqual({ slackUserId: 'U0AMEUKAM', github: 'ameukam', email: 'ameukam@example.org', name: 'Arnaud Meukam' });
    expect(people.actorFor('U0UNKNOWN')).toEqual({ slackUserId: 'U0UNKNOWN' });
    expect(people.slackUsersFor(['bentheelder', 'AMEUKAM', 'nobody'])).toEqual(['U0AMEUKAM', 'U0BENTHEE']);
    expect(people.mentions().get('bentheelder')).toBe('<@U0BENTHEE>');
  });
});
