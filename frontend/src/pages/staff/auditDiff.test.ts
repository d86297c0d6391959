import { auditDiff } from './auditDiff';

describe('auditDiff', () => {
  it('lists only changed fields', () => {
    expect(auditDiff({ verified: false, name: 'A' }, { verified: true, name: 'A' })).toEqual([
      { field: 'verified', before: false, after: true },
    ]);
  });
  it('handles missing snapshots', () => {
    expect(auditDiff(null, { a: 1 })).toEqual([{ field: 'a', before: undefined, after: 1 }]);
    expect(auditDiff(null, null)).toEqual([]);
  });
});
