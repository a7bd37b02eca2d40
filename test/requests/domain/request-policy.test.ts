import { describe, expect, it } from 'vitest';
import { mayRequest, type RequestAction } from '../../../src/requests/domain/request-policy.ts';

const roles = { leads: ['dims'], admins: ['bentheelder'] };

describe('who may do what with requests', () => {
  it.each([
    ['file', undefined, true],
    ['file', 'nikhita', true],
    ['list-mine', undefined, true],
    ['list-queue', 'dims', true],
    ['list-queue', 'bentheelder', true],
    ['list-queue', 'nikhita', false],
    ['list-queue', undefined, false],
  ] as [RequestAction, string | undefined, boolean][])('%s by %s: %s', (action, personId, allowed) => {
    expect(mayRequest(action, { personId }, roles)).toBe(allowed);
  });
});
