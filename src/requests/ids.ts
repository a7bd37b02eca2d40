/** Each form field: its input block and its element share the id. */
const FIELDS = {
  kind: 'requests.kind',
  dnsFile: 'requests.dns_file',
  dnsAction: 'requests.dns_action',
  dnsName: 'requests.dns_name',
  dnsType: 'requests.dns_type',
  dnsValues: 'requests.dns_values',
  dnsTtl: 'requests.dns_ttl',
  dnsAfter: 'requests.dns_after',
  dnsComment: 'requests.dns_comment',
  reason: 'requests.reason',
  stagingName: 'requests.staging_name',
  stagingSig: 'requests.staging_sig',
  stagingMembers: 'requests.staging_members',
  title: 'requests.title',
  description: 'requests.description',
} as const;

/** Every action_id, callback_id and block_id the requests capability renders or listens to. */
export const REQUESTS_IDS = {
  actions: FIELDS,
  callbacks: {
    chooseKind: 'requests.choose_kind',
    dns: 'requests.dns',
    dnsConfirm: 'requests.dns_confirm',
    staging: 'requests.staging',
    other: 'requests.other',
  },
  blocks: FIELDS,
} as const;
