import { screen, within } from '@testing-library/react';
import { vi } from 'vitest';
import { craftsReply, loggedOut, mockApi, renderApp } from '../../test/utils';
import { setLang } from '../../prefs/store';
import type { ImpactChange, PublicImpact } from '../../api/types';

// jsdom has no canvas: the chart is a placeholder here (the e2e test draws it).
vi.mock('./Chart', () => ({ default: ({ testId }: { testId?: string }) => <div data-testid={testId} /> }));

const shown = (key: string, residents: number, income: number, change: ImpactChange['change'], why?: ImpactChange['change_hidden']): ImpactChange => ({
  key,
  value: { residents, pieces: residents * 100, income },
  change,
  ...(why ? { change_hidden: why } : {}),
});
const hidden = (key: string, why: NonNullable<ImpactChange['hidden']>): ImpactChange => ({ key, value: null, hidden: why, change: null, change_hidden: why });

const impact: PublicImpact = {
  k: 5,
  suppressed: false,
  through: '2026-11',
  totals: { months: 2, hidden_months: 1, resident_months: 25, pieces: 2500, income: 700000, avg_monthly_income: 28000 },
  periods: [
    {
      month: '2026-09',
      workshops: 2,
      total: shown('total', 12, 300000, null, 'no_previous_period'),
      by_craft: [shown('weaving', 12, 300000, null, 'no_previous_period')],
      by_group: [hidden('disabled', 'hidden_for_privacy'), shown('low_income', 6, 150000, null, 'no_previous_period')],
    },
    {
      month: '2026-10',
      workshops: 3,
      total: shown('total', 13, 400000, { residents: 1, pieces: 100, income: 100000 }),
      by_craft: [hidden('weaving', 'hidden_complementary'), hidden('beading', 'hidden_for_privacy')],
      by_group: [hidden('disabled', 'hidden_for_privacy'), shown('low_income', 7, 160000, { residents: 1, pieces: 100, income: 10000 })],
    },
    {
      month: '2026-11',
      workshops: null,
      total: hidden('total', 'hidden_for_privacy'),
      by_craft: [hidden('weaving', 'hidden_for_privacy')],
      by_group: [hidden('disabled', 'hidden_for_privacy'), hidden('low_income', 'hidden_for_privacy')],
    },
  ],
};

function setup(v: PublicImpact = impact) {
  mockApi({ 'GET /me': loggedOut, 'GET /stats/impact': { body: v }, 'GET /meta/crafts': craftsReply });
  renderApp('/impact');
}

describe('public impact page', () => {
  it('shows closed months, and says truthfully why a figure is hidden', async () => {
    setup();
    const nov = await screen.findByTestId('period-2026-11');
    expect(nov).toHaveTextContent('为保护隐私不公开（人数少于5人）');
    expect(screen.getByTestId('period-2026-10')).toHaveTextContent('+1 人 · +¥1,000.00');
    expect(screen.getByTestId('period-2026-09')).toHaveTextContent('上月无可比数字');
    expect(screen.getByText('数据截至 2026-11。', { exact: false })).toBeInTheDocument();
    expect(screen.getByText('公布 2 个月，1 个月为保护隐私不公开')).toBeInTheDocument();
    expect(await screen.findByTestId('impact-chart')).toBeInTheDocument(); // a lazy chunk
    // Details open on the latest published month (October), not the hidden November.
    expect(within(screen.getByTestId('group-weaving')).getByText('为保护隐私不公开（否则可推算出少于5人的数字）')).toBeInTheDocument();
    expect(screen.getByTestId('group-disabled')).toHaveTextContent('为保护隐私不公开（人数少于5人）');
    expect(screen.getByTestId('group-low_income')).toHaveTextContent('较上月: +1 人 · +¥100.00');
  });

  it('words hidden figures in English', async () => {
    setLang('en');
    setup();
    expect(await screen.findByTestId('period-2026-11')).toHaveTextContent('hidden to protect privacy (fewer than 5 people)');
    expect(screen.getByTestId('period-2026-09')).toHaveTextContent('nothing to compare with the month before');
  });

  it('says nothing is published before a month with 5 residents has closed', async () => {
    setup({ ...impact, suppressed: true, periods: [], totals: { ...impact.totals, months: 0, income: 0 } });
    expect(await screen.findByText('还没有可公布的月份：每月结束后才公布，且当月至少要有5位居民领到收入。')).toBeInTheDocument();
  });
});
