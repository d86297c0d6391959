// Unified social credit code (统一社会信用代码), GB 32100-2015 — the same
// rules as the server (server/market/creditcode.go), so mistakes show up
// while typing.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeProblem =
  | { kind: 'length'; length: number }
  | { kind: 'charset'; char: string }
  | { kind: 'division' }
  | { kind: 'check' };

/** Removes spaces, folds full-width characters and upper-cases. */
export function normalizeCreditCode(s: string): string {
  return s
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .toUpperCase();
}

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARSET.indexOf(first17[i]) * WEIGHTS[i];
  const c = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[c === 31 ? 0 : c];
}

/** null when the (normalised) code is valid. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  const chars = [...code];
  if (chars.length !== 18) return { kind: 'length', length: chars.length };
  const bad = chars.find((c) => !CREDIT_CODE_CHARSET.includes(c));
  if (bad) return { kind: 'charset', char: bad };
  if (!/^\d{6}$/.test(code.slice(2, 8))) return { kind: 'division' };
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { kind: 'check' };
  return null;
}
