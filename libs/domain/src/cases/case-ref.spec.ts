import { caseRef, parseCaseRef } from './case-ref';

describe('case references', () => {
  it('spells a case as kind and id, and reads it back', () => {
    const ref = caseRef('household', '7d4c0b6e-1111-4c4c-8888-123456789abc');
    expect(ref).toBe('household:7d4c0b6e-1111-4c4c-8888-123456789abc');
    expect(parseCaseRef(ref)).toEqual({ kind: 'household', id: '7d4c0b6e-1111-4c4c-8888-123456789abc' });
  });

  it('refuses what is not a case reference', () => {
    expect(parseCaseRef('placement:1')).toBeNull();
    expect(parseCaseRef('household:')).toBeNull();
    expect(parseCaseRef('no-colon')).toBeNull();
  });
});
