import { describe, expect, it } from 'vitest';
import { missingCompliance } from './compliance';

describe('compliance fields', () => {
  const fields = [
    { key: 'shut_off', label: 'Water shut off', type: 'boolean' as const, requiredFor: 'on_site' as const },
    { key: 'photo', label: 'Photo', type: 'boolean' as const, requiredFor: 'completed' as const },
    { key: 'signature', label: 'Signature', type: 'text' as const, requiredFor: 'closed' as const },
  ];

  it('requires the fields of a stage and of every earlier stage', () => {
    expect(missingCompliance(fields, {}, 'on_site').map((f) => f.key)).toEqual(['shut_off']);
    expect(missingCompliance(fields, { shut_off: true }, 'completed').map((f) => f.key)).toEqual(['photo']);
    expect(missingCompliance(fields, { shut_off: true, photo: true }, 'closed').map((f) => f.key)).toEqual(['signature']);
  });

  it('does not accept a required check that is false or a text that is empty', () => {
    expect(missingCompliance(fields, { shut_off: false, photo: true, signature: '' }, 'closed').map((f) => f.key)).toEqual(['shut_off', 'signature']);
  });
});
