import type { Actor } from './domain/access-request.ts';
import type { AccessPeople } from './ports/access-people.ts';

/** What access needs to know of a person in the config's `people:`. */
export interface KnownPerson {
  slack: string;
  github: string;
  email: string;
  name: string;
}

/** The config's people as access sees them (later entries win, as in the people directory). */
export function accessPeople(people: readonly KnownPerson[]): AccessPeople {
  const bySlack = new Map(people.map((p) => [p.slack, p]));
  const mentions = new Map(people.map((p) => [p.github.toLowerCase(), `<@${p.slack}>`]));
  return {
    actorFor(slackUserId: string): Actor {
      const p = bySlack.get(slackUserId);
      return p ? { slackUserId, github: p.github, email: p.email, name: p.name } : { slackUserId };
    },
    slackUsersFor(handles) {
      const wanted = new Set(handles.map((h) => h.toLowerCase()));
      return people.filter((p) => wanted.has(p.github.toLowerCase())).map((p) => p.slack);
    },
    mentions: () => mentions,
  };
}
