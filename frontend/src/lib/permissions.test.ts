import { reasonText } from './permissions';

describe('reasonText', () => {
  const refused = { allowed: false, reason: { zh: '订单报名已截止', en: 'bidding for this order has closed' } };

  it('gives the refusal in the UI language', () => {
    expect(reasonText(refused, 'zh')).toBe('订单报名已截止');
    expect(reasonText(refused, 'en')).toBe('bidding for this order has closed');
  });

  it('is empty for an allowed action, a refusal without a reason, or none at all', () => {
    expect(reasonText({ allowed: true }, 'zh')).toBe('');
    expect(reasonText({ allowed: false }, 'zh')).toBe('');
    expect(reasonText(undefined, 'en')).toBe('');
  });
});
