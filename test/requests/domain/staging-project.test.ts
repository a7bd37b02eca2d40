import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStagingRequest, infraProjectsEdit, restrictionsEdit } from '../../../src/requests/domain/staging-project.ts';

const groupFiles = new Map([['sig-release', readFileSync('test/fixtures/k8s.io/groups/sig-release/groups.yaml', 'utf8')]]);
const form = { name: 'release-notes', sig: 'sig-release', members: 'a@example.com', reason: 'images' };
const request = { name: 'dra-driver-cpu', sig: 'sig-node', members: ['a@example.com'], reason: 'r' };

describe('staging project requests', () => {
  it.each([
    ['18 characters is fine', 'abcdefghijklmnopqr', undefined],
    ['19 is too long', 'abcdefghijklmnopqrs', 'abcdefghijklmnopqrs is 19 characters: a staging name is at most 18 (k8s-staging-<name> must fit a GCP project id).'],
    ['a prefix is dropped', 'k8s-staging-release-notes', undefined],
    ['uppercase and underscores are refused', 'Release_Notes', 'A staging name is lowercase letters, digits and single dashes, starting with a letter.'],
    ['a taken name', 'bom', 'k8s-staging-bom is taken: k8s-infra-staging-bom@kubernetes.io already exists.'],
  ])('%s', (_what, name, error) => {
    const r = checkStagingRequest({ ...form, name }, { groupFiles });
    expect(r.ok ? undefined : r.errors.name).toBe(error);
  });

  it('checks the SIG and the members', () => {
    const r = checkStagingRequest({ ...form, sig: 'sig-nope', members: 'not-an-address' }, { groupFiles });
    expect(r).toEqual({ ok: false, errors: { sig: 'Choose the SIG whose groups.yaml will define the writer group.', members: 'not-an-address is not an e-mail address.' } });
  });

  it('lists the project in infra.yaml where the real #8329 put k8s-staging-dra-driver-cpu: after k8s-staging-dns', () => {
    const infra = readFileSync('test/fixtures/requests/infra.yaml', 'utf8');
    const r = infraProjectsEdit(infra, request);
    if (!r.ok) throw new Error(r.reason);
    expect(r.text).toBe(infra.replace('      k8s-staging-dns:\n', '      k8s-staging-dns:\n      k8s-staging-dra-driver-cpu:\n'));
  });

  it('adds the restriction for the SIG file, or nothing when a pattern already admits it', () => {
    const restrictions = readFileSync('test/fixtures/k8s.io/groups/restrictions.yaml', 'utf8');
    const r = restrictionsEdit(restrictions, { ...request, name: 'examples2', sig: 'sig-apps' });
    if (!r.ok) throw new Error(r.reason);
    const anchor = '      - "^k8s-infra-staging-examples@kubernetes.io$"\n';
    expect(r.text).toBe(restrictions.replace(anchor, `${anchor}      - "^k8s-infra-staging-examples2@kubernetes.io$"\n`));
    expect(restrictionsEdit(restrictions, { ...request, name: 'examples', sig: 'sig-apps' })).toEqual({ ok: true, text: restrictions });
    expect(restrictionsEdit(restrictions, { ...request, sig: 'sig-nope' })).toMatchObject({ ok: false });
  });
});
