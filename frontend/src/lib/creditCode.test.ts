import { checkCreditCode, creditCodeCheckChar, normalizeCreditCode } from './creditCode';

describe('credit code', () => {
  it('accepts a valid code', () => {
    expect(checkCreditCode('91350100M000100Y43')).toBeNull();
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it('reports each kind of problem', () => {
    expect(checkCreditCode('91350100M000100Y4')).toEqual({ kind: 'length', length: 17 });
    expect(checkCreditCode('91350100M000100YO3')).toEqual({ kind: 'charset', char: 'O' });
    expect(checkCreditCode('91A50100M000100Y43')).toEqual({ kind: 'division' });
    expect(checkCreditCode('91350100M000100Y44')).toEqual({ kind: 'check' });
  });
  it('normalises spaces, case and full-width characters', () => {
    expect(normalizeCreditCode(' 9135 0100m000100ｙ43 ')).toBe('91350100M000100Y43');
  });
});
