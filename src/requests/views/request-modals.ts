import type { KnownBlock, ModalView } from '@slack/types';
import { context, input, modal, option, section, staticSelect, textInput } from '../../platform/slack/blocks.ts';
import { writeMetadata } from '../../platform/slack/private-metadata.ts';
import { fqdnOf, type DnsForm, type DnsRequest } from '../domain/dns-request.ts';
import { REQUEST_RECORD_TYPES } from '../domain/dns-values.ts';
import { recordYaml } from '../domain/zone-edit.ts';
import { escapeMrkdwn } from '../../core/mrkdwn.ts';
import { STAGING_NAME_MAX } from '../domain/staging-project.ts';
import { REQUESTS_IDS } from '../ids.ts';

const A = REQUESTS_IDS.actions;
const B = REQUESTS_IDS.blocks;
const C = REQUESTS_IDS.callbacks;

/** What every request modal carries: the channel it was asked from. */
export interface RequestMetadata {
  c: string;
}

export const KINDS = [
  { value: 'dns', label: 'DNS record', description: 'Create, update or delete a record in a zone the group runs' },
  { value: 'staging', label: 'Staging project', description: 'k8s-staging-<name> with its writer group' },
  { value: 'other', label: 'Something else', description: 'A general support request' },
] as const;

export function chooseKindModal(metadata: RequestMetadata): ModalView {
  return modal({
    callbackId: C.chooseKind,
    title: 'Request a resource',
    submit: 'Next',
    privateMetadata: writeMetadata(metadata),
    blocks: [
      section('The bot files a GitHub issue on the request repository and, for DNS records and staging projects, the pull request an admin would write.'),
      input({ blockId: B.kind, label: 'What do you need?', element: { type: 'radio_buttons', action_id: A.kind, options: KINDS.map((k) => option(k.label, k.value, k.description)) } }),
    ],
  });
}

export function dnsModal(metadata: RequestMetadata, files: readonly string[]): ModalView {
  const blocks: KnownBlock[] = [
    input({ blockId: B.dnsFile, label: 'Zone file', hint: 'NS records go in the <zone>.yaml file, never in a _0_base file.', element: staticSelect({ actionId: A.dnsFile, options: files.map((f) => option(f, f)), placeholder: 'k8s.io._0_base.yaml' }) }),
    input({ blockId: B.dnsAction, label: 'Change', element: staticSelect({ actionId: A.dnsAction, options: [option('Create', 'create'), option('Update', 'update'), option('Delete', 'delete')] }) }),
    input({ blockId: B.dnsName, label: 'Name, relative to the zone', hint: 'registry-sandbox for registry-sandbox.k8s.io; @ for the zone apex.', element: textInput({ actionId: A.dnsName, maxLength: 253, placeholder: 'www' }) }),
    input({ blockId: B.dnsType, label: 'Type', element: staticSelect({ actionId: A.dnsType, options: REQUEST_RECORD_TYPES.map((t) => option(t, t)) }) }),
    input({ blockId: B.dnsValues, label: 'Value(s), one per line', optional: true, hint: 'A/AAAA: addresses. CNAME/NS: a host name ending with a dot. TXT: the text without quotes. Empty for a delete.', element: textInput({ actionId: A.dnsValues, multiline: true, maxLength: 2500 }) }),
    input({ blockId: B.dnsTtl, label: 'TTL (seconds)', optional: true, element: textInput({ actionId: A.dnsTtl, maxLength: 6, placeholder: 'the zone default' }) }),
    input({ blockId: B.dnsAfter, label: 'Place it after (name)', optional: true, hint: 'For a new name: the existing record to put it below. Default: the most alike name.', element: textInput({ actionId: A.dnsAfter, maxLength: 253 }) }),
    input({ blockId: B.dnsComment, label: 'Comment above it', optional: true, hint: 'As the zone files do: the repository it serves and its owners (@handles).', element: textInput({ actionId: A.dnsComment, maxLength: 300 }) }),
    input({ blockId: B.reason, label: 'Reason', element: textInput({ actionId: A.reason, multiline: true, maxLength: 2000 }) }),
    context('The bot checks the request against the zone files before filing anything.'),
  ];
  return modal({ callbackId: C.dns, title: 'DNS record', submit: 'File request', privateMetadata: writeMetadata(metadata), blocks });
}

export function stagingModal(metadata: RequestMetadata, sigs: readonly string[]): ModalView {
  return modal({
    callbackId: C.staging,
    title: 'Staging project',
    submit: 'File request',
    privateMetadata: writeMetadata(metadata),
    blocks: [
      input({ blockId: B.stagingName, label: 'Project name: k8s-staging-<name>', hint: `<name> at most ${STAGING_NAME_MAX} characters; the writer group is k8s-infra-staging-<name>@kubernetes.io.`, element: textInput({ actionId: A.stagingName, maxLength: 40 }) }),
      input({ blockId: B.stagingSig, label: 'Owning SIG', element: staticSelect({ actionId: A.stagingSig, options: sigs.map((s) => option(s, s)) }) }),
      input({ blockId: B.stagingMembers, label: 'Writers (e-mail, one per line)', element: textInput({ actionId: A.stagingMembers, multiline: true, maxLength: 2000 }) }),
      input({ blockId: B.reason, label: 'What is it for?', element: textInput({ actionId: A.reason, multiline: true, maxLength: 2000 }) }),
    ],
  });
}

export function otherModal(metadata: RequestMetadata): ModalView {
  return modal({
    callbackId: C.other,
    title: 'Support request',
    submit: 'File request',
    privateMetadata: writeMetadata(metadata),
    blocks: [
      input({ blockId: B.title, label: 'Title', element: textInput({ actionId: A.title, maxLength: 200 }) }),
      input({ blockId: B.description, label: 'Description', element: textInput({ actionId: A.description, multiline: true, maxLength: 3000 }) }),
    ],
  });
}

/** What the confirmation carries: the form as typed (checked again on confirm: the zone may have moved). */
export interface DnsConfirmMetadata extends RequestMetadata {
  f: DnsForm;
}

/**
 * The existing record and the new one, as the issue and the PR will show them, before anything is
 * filed. Undefined when the form is too long to carry in the view (then it is filed at once).
 */
export function dnsConfirmModal(metadata: DnsConfirmMetadata, request: DnsRequest, existing: string | undefined): ModalView | undefined {
  let privateMetadata: string;
  try {
    privateMetadata = writeMetadata(metadata);
  } catch {
    return undefined;
  }
  const next = request.action === 'delete' ? '_none: the record is removed_' : `\`\`\`${escapeMrkdwn(recordYaml({ name: request.name, type: request.type, values: request.values, ttl: request.ttl }))}\`\`\``;
  const blocks: KnownBlock[] = [
    section(`*${escapeMrkdwn(`DNS REQUEST: ${fqdnOf(request)}`)}* · ${request.action} in \`${escapeMrkdwn(request.file)}\``),
    section(`*Existing record*\n${existing === undefined ? '_none: this is a new record_' : `\`\`\`${escapeMrkdwn(existing)}\`\`\``}`),
    section(`*New record*\n${next}`),
    context('File request: the issue is filed with the repository template, then the PR editing these lines; you are told each step by DM.'),
  ];
  return modal({ callbackId: C.dnsConfirm, title: 'Check the record', submit: 'File request', close: 'Back', privateMetadata, blocks });
}

/** A modal that only says something (a form the bot can no longer read). */
export function noticeModal(callbackId: string, text: string): ModalView {
  return modal({ callbackId, title: 'Request a resource', close: 'Close', blocks: [section(escapeMrkdwn(text))] });
}
