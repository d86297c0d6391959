// Money is integer fen (分) everywhere; rates are basis points (1% = 100 bp).
// Inputs are typed in yuan / percent and converted with string arithmetic,
// so "0.1" is exactly 10 fen and never 10.000000000000002.

const DECIMAL = /^(\d+)(?:\.(\d{0,2}))?$/;

/** Parses a non-negative amount with at most 2 decimals into hundredths
 *  ("19.99" → 1999). null when the text is not such a number. */
export function parseHundredths(text: string | null | undefined): number | null {
  if (text == null) return null;
  const s = String(text)
    .trim()
    .replace(/[\uFF10-\uFF19\uFF0E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/^[¥￥]/, '')
    .replace(/,/g, '');
  const m = DECIMAL.exec(s);
  if (!m) return null;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const frac = (m[2] ?? '').padEnd(2, '0');
  if (whole.length > 13) return null; // beyond any amount the API accepts
  return Number(whole) * 100 + Number(frac);
}

/** "19.99" → 1999 fen; null for empty, negative or > 2 decimals ("1.234"). */
export const yuanToFen = parseHundredths;

/** "2.5" (%) → 250 bp. */
export const percentToBp = parseHundredths;

/** 1999 → "19.99" (no symbol; for inputs). */
export function hundredthsToText(n: number | null | undefined): string {
  if (n == null || !Number.isFinite(n)) return '';
  const neg = n < 0;
  const abs = Math.round(Math.abs(n));
  const s = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return neg ? `-${s}` : s;
}

export const fenToYuan = hundredthsToText;

/** 1999 → "¥19.99", with thousands separators ("¥7,500.00"). */
export function formatFen(fen: number | null | undefined): string {
  if (fen == null || !Number.isFinite(fen)) return '—';
  const [w, f] = hundredthsToText(Math.abs(fen)).split('.');
  return `${fen < 0 ? '-' : ''}¥${w.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${f}`;
}

/** 250 bp → "2.5%", 200 → "2%". */
export function formatBp(bp: number | null | undefined): string {
  if (bp == null || !Number.isFinite(bp)) return '—';
  return `${hundredthsToText(bp).replace(/\.?0+$/, '')}%`;
}

/** Percent text for an input from bp (200 → "2"). */
export function bpToPercentText(bp: number | null | undefined): string {
  if (bp == null) return '';
  return hundredthsToText(bp).replace(/\.?0+$/, '');
}

/** Form rule validator: a yuan/percent text with ≤ 2 decimals in [min, max] hundredths. */
export function hundredthsValidator(
  messages: { format: string; range: string },
  min: number,
  max: number,
  required = true,
) {
  return async (_: unknown, value?: string) => {
    if (value == null || String(value).trim() === '') {
      if (required) throw new Error(messages.format);
      return;
    }
    const n = parseHundredths(value);
    if (n == null) throw new Error(messages.format);
    if (n < min || n > max) throw new Error(messages.range);
  };
}


/** A piece rate the server gives in hundredths of a fen: 11640 → "¥1.1640". */
export function formatRate(hundredthsOfFen: number): string {
  const yuan = Math.floor(hundredthsOfFen / 10000);
  const rest = String(hundredthsOfFen % 10000).padStart(4, '0');
  return `¥${yuan}.${rest}`;
}

/** A share the server gives in basis points, never rounded up: 9987 → "99.87%". */
export function formatShare(bp: number): string {
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, '0')}%`;
}
