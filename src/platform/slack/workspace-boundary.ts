/** The one Slack workspace (and Enterprise Grid org, if any) the bot serves. */
export interface Workspace {
  teamId: string;
  enterpriseId?: string | undefined;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * Every workspace and org a request names for the acting person: the team the request came
 * through, the person's own team (a Slack Connect user from another organisation in a shared
 * channel has theirs), and the enterprise. Any of them not ours makes the request foreign.
 */
export function workspacesNamed(body: Json): { teams: string[]; enterprises: string[] } {
  const teams = new Set<string>();
  const enterprises = new Set<string>();
  const addTeam = (v: unknown) => {
    const s = str(v);
    if (s) teams.add(s);
  };
  const addEnterprise = (v: unknown) => {
    const s = str(v);
    if (s) enterprises.add(s);
  };
  addTeam(body.team_id);
  addTeam(body.user_team_id);
  addEnterprise(body.enterprise_id);
  if (isObject(body.team)) addTeam(body.team.id);
  if (isObject(body.user)) addTeam(body.user.team_id);
  if (isObject(body.enterprise)) addEnterprise(body.enterprise.id);
  if (isObject(body.event)) {
    addTeam(body.event.user_team);
    addTeam(body.event.source_team);
    if (isObject(body.event.user_profile)) addTeam(body.event.user_profile.team);
  }
  return { teams: [...teams], enterprises: [...enterprises] };
}

/** Why a request is not from our workspace, or undefined when it is. */
export function foreignWorkspace(body: Json, ours: Workspace): string | undefined {
  const { teams, enterprises } = workspacesNamed(body);
  const otherTeam = teams.find((t) => t !== ours.teamId);
  if (otherTeam) return `team ${otherTeam}`;
  const otherEnterprise = enterprises.find((e) => e !== ours.enterpriseId);
  if (otherEnterprise) return `enterprise ${otherEnterprise}`;
  if (teams.length === 0) return 'no team';
  return undefined;
}

/** The Slack user id of whoever acted, for the refusal and the audit. */
export function actorOf(body: Json): string | undefined {
  return str(body.user_id) ?? (isObject(body.user) ? str(body.user.id) : undefined) ?? (isObject(body.event) ? str(body.event.user) : undefined);
}
