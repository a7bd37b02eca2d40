import type { InfraConfig } from './schema.ts';
import type { Person } from './sections/people.ts';

/** Look-ups over the config's people that every capability needs: who is this Slack user, are they a lead. */
export class PeopleDirectory {
  private readonly byId = new Map<string, Person>();
  private readonly bySlack = new Map<string, Person>();
  private readonly leads: Set<string>;

  constructor(private readonly config: InfraConfig) {
    for (const p of config.people) {
      this.byId.set(p.id, p);
      this.bySlack.set(p.slack, p);
    }
    this.leads = new Set(config.leads);
  }

  person(id: string): Person | undefined {
    return this.byId.get(id);
  }

  bySlackId(slackId: string): Person | undefined {
    return this.bySlack.get(slackId);
  }

  isLead(personOrSlackId: string): boolean {
    const p = this.byId.get(personOrSlackId) ?? this.bySlack.get(personOrSlackId);
    return p !== undefined && this.leads.has(p.id);
  }

  ownersOf(subprojectId: string): Person[] {
    const s = this.config.subprojects.find((x) => x.id === subprojectId);
    return (s?.owners ?? []).map((id) => this.byId.get(id)).filter((p): p is Person => p !== undefined);
  }

  isOwner(subprojectId: string, personOrSlackId: string): boolean {
    const p = this.byId.get(personOrSlackId) ?? this.bySlack.get(personOrSlackId);
    return p !== undefined && this.ownersOf(subprojectId).some((o) => o.id === p.id);
  }

  leadPeople(): Person[] {
    return [...this.leads].map((id) => this.byId.get(id)).filter((p): p is Person => p !== undefined);
  }

  /** `<@U…>` for a person id, or the id itself when the person is unknown. */
  mention(personId: string): string {
    const p = this.byId.get(personId);
    return p ? `<@${p.slack}>` : personId;
  }
}
