import { escapeMrkdwn } from '../../core/mrkdwn.ts';

/** A reviewer as Slack shows them: a mention, or a GitHub login (escaped: it is third-party text). */
export function who(reviewer: string): string {
  if (reviewer.startsWith('github:')) return `@${escapeMrkdwn(reviewer.slice('github:'.length))} on GitHub`;
  return /^[UW][A-Z0-9]+$/.test(reviewer) ? `<@${reviewer}>` : escapeMrkdwn(reviewer);
}

/** A reviewer as GitHub shows them (no ping for Slack ids: GitHub does not know them). */
export function whoOnGithub(reviewer: string, githubOf: (slackId: string) => string | undefined): string {
  if (reviewer.startsWith('github:')) return `@${reviewer.slice('github:'.length)}`;
  const login = githubOf(reviewer);
  return login ? `@${login}` : 'a reviewer in Slack';
}
