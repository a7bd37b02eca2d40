/** Every subcommand of /k8s-infra, as `help` shows it. Capabilities attach their handlers by name. */
export interface SubcommandInfo {
  name: string;
  usage: string;
  summary: string;
  example: string;
  aliases?: string[];
}

export const SUBCOMMANDS: readonly SubcommandInfo[] = [
  { name: 'help', usage: 'help', summary: 'List every subcommand with an example', example: '/k8s-infra help' },
  { name: 'status', usage: 'status [service]', summary: 'Health of the services the group runs', example: '/k8s-infra status registry' },
  { name: 'oncall', usage: 'oncall [subproject]', summary: 'Who is on call now and next, in your timezone', example: '/k8s-infra oncall dns' },
  { name: 'schedule', usage: 'schedule <subproject> [weeks]', summary: 'The coming shifts of a subproject', example: '/k8s-infra schedule registry 4' },
  { name: 'override', usage: 'override', summary: 'Cover someone’s shift (opens a form)', example: '/k8s-infra override' },
  { name: 'swap', usage: 'swap', summary: 'Propose a swap of two shifts (opens a form)', example: '/k8s-infra swap' },
  { name: 'owners', usage: 'owners [subproject]', summary: 'Staffing report: owners, affiliations, coverage gaps', example: '/k8s-infra owners clusters' },
  { name: 'page', usage: 'page <subproject|service> [summary]', summary: 'Page the on-call (a form when no summary)', example: '/k8s-infra page registry image pulls failing in eu' },
  { name: 'incident', usage: 'incident [declare|update|role|severity|resolve|list]', summary: 'Declare and run an incident', example: '/k8s-infra incident declare' },
  { name: 'access', usage: 'access [list]', summary: 'Request membership of a Google group (opens a form)', example: '/k8s-infra access' },
  { name: 'change', usage: 'change', summary: 'Announce a low / medium / high risk change', example: '/k8s-infra change' },
];
