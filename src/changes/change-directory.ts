import type { CoreConfig } from '../platform/config/core-schema.ts';
import type { ChangesSettings } from './config.ts';
import type { Author } from './domain/announce.ts';
import type { ChangeRules, SigRules } from './domain/rules.ts';
import type { Tier } from './domain/tier.ts';
import type { OwnerCalendar } from '../core/working-days-deadline.ts';

/** What the changes capability looks up in the config: names, people by Slack id and GitHub login, calendars. */
export interface ChangeDirectory {
  rules: ChangeRules;
  serviceName(id: string): string;
  sigName(id: string): string;
  serviceChoices(): { id: string; name: string }[];
  sigChoices(): { id: string; name: string }[];
  serviceSigs(id: string): readonly string[];
  author(slackId: string): Author;
  githubOf(slackId: string): string | undefined;
  slackOfGithub(login: string): string | undefined;
  /** The calendars of the owners of the services' subprojects; the leads' when no service is named. */
  ownerCalendars(services: readonly string[]): OwnerCalendar[];
  deadlineDays(tier: Tier): number;
}

export function changeDirectory(config: Pick<CoreConfig, 'people' | 'leads' | 'services' | 'subprojects'>, settings: ChangesSettings): ChangeDirectory {
  const byId = new Map(config.people.map((p) => [p.id, p]));
  const bySlack = new Map(config.people.map((p) => [p.slack, p]));
  const slackByGithub = new Map<string, string>();
  const githubBySlack = new Map<string, string>();
  const link = (github: string, slack: string) => {
    if (!slackByGithub.has(github.toLowerCase())) slackByGithub.set(github.toLowerCase(), slack);
    if (!githubBySlack.has(slack)) githubBySlack.set(slack, github);
  };
  for (const p of config.people) link(p.github, p.slack);
  const sigs = new Map<string, SigRules>();
  for (const s of settings.sigs) {
    const reviewers = new Set<string>();
    for (const r of s.reviewers) {
      if (typeof r === 'string') {
        const p = byId.get(r);
        if (p) reviewers.add(p.slack);
      } else {
        reviewers.add(r.slack);
        link(r.github, r.slack);
      }
    }
    sigs.set(s.id, { id: s.id, name: s.name, channel: s.channel, reviewers });
  }
  const leads = config.leads.map((id) => byId.get(id)).filter((p) => p !== undefined);
  const rules: ChangeRules = {
    channel: settings.channel,
    mediumNeedsLazyConsensus: settings.mediumNeedsLazyConsensus,
    deadlineWorkingDays: settings.deadlineWorkingDays,
    reminderHoursBefore: settings.reminderHoursBefore,
    approvals: settings.approvals,
    consultation: settings.consultation,
    sigs,
    groupMembers: new Set(config.people.map((p) => p.slack)),
    leads: new Set(leads.map((p) => p.slack)),
    quietPeriods: settings.quietPeriods,
    repo: settings.repo,
    notice: { to: settings.notice.to, archive: settings.notice.archive },
  };
  const services = new Map(config.services.map((s) => [s.id, s]));
  return {
    rules,
    serviceName: (id) => services.get(id)?.name ?? id,
    sigName: (id) => sigs.get(id)?.name ?? id,
    serviceChoices: () => config.services.map((s) => ({ id: s.id, name: s.name })),
    sigChoices: () => settings.sigs.map((s) => ({ id: s.id, name: s.name })),
    serviceSigs: (id) => services.get(id)?.sigs ?? [],
    author(slackId) {
      const p = bySlack.get(slackId);
      return p ? { slackId, name: p.name, github: p.github, zone: p.timezone } : { slackId, name: githubBySlack.get(slackId) ?? 'a member of the Kubernetes Slack', github: githubBySlack.get(slackId) ?? null, zone: 'UTC' };
    },
    githubOf: (slackId) => githubBySlack.get(slackId),
    slackOfGithub: (login) => slackByGithub.get(login.toLowerCase()),
    ownerCalendars(names) {
      const subprojects = new Set(names.map((n) => services.get(n)?.subproject).filter((s): s is string => !!s));
      const owners = new Set(config.subprojects.filter((s) => subprojects.has(s.id)).flatMap((s) => s.owners));
      const people = [...owners].map((id) => byId.get(id)).filter((p) => p !== undefined);
      const chosen = people.length ? people : leads;
      if (chosen.length === 0) return [{ zone: 'UTC', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }];
      return chosen.map((p) => ({ zone: p.timezone, days: p.workingHours.days }));
    },
    deadlineDays: (tier) => (tier === 'high' ? settings.deadlineWorkingDays.high : settings.deadlineWorkingDays.medium),
  };
}
