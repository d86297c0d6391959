import { bpToPercentText, fenToYuan, formatBp, formatFen, percentToBp, yuanToFen } from './money';

describe('yuan ↔ fen', () => {
  it('converts exactly, without floating point error', () => {
    expect(yuanToFen('0.1')).toBe(10);
    expect(yuanToFen('19.99')).toBe(1999);
    expect(yuanToFen('1.5')).toBe(150);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('1.1')).toBe(110);
    expect(yuanToFen('100')).toBe(10000);
    expect(yuanToFen('1.')).toBe(100);
    expect(yuanToFen(' ¥2.30 ')).toBe(230);
    expect(yuanToFen('１２.５')).toBe(1250);
    expect(yuanToFen('1,000.5')).toBe(100050);
  });
  it('rejects more than two decimals and non-numbers', () => {
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('-1')).toBeNull();
    expect(yuanToFen('')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('1e3')).toBeNull();
    expect(yuanToFen('.5')).toBeNull();
  });
  it('formats fen as yuan', () => {
    expect(fenToYuan(1999)).toBe('19.99');
    expect(fenToYuan(10)).toBe('0.10');
    expect(fenToYuan(150)).toBe('1.50');
    expect(formatFen(750000)).toBe('¥7,500.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(null)).toBe('—');
    for (const s of ['0.01', '0.1', '0.29', '19.99', '123456.78']) expect(fenToYuan(yuanToFen(s))).toBe(Number(s).toFixed(2));
  });
  it('converts percent ↔ basis points', () => {
    expect(percentToBp('2')).toBe(200);
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('0.01')).toBe(1);
    expect(formatBp(250)).toBe('2.5%');
    expect(formatBp(200)).toBe('2%');
    expect(formatBp(0)).toBe('0%');
    expect(bpToPercentText(300)).toBe('3');
  });
});
