import { screen } from '@testing-library/react';
import type { EChartsCoreOption } from 'echarts/core';
import { mockApi, renderApp } from '../../../test/utils';
import { platformStatsFixture, staffMe } from '../../../test/settlement';
import { workshopMe } from '../../../test/bids';
import { monthLabel, volumeOption } from './PlatformStats';
import { translate } from '../../../i18n';

// jsdom has no canvas: the chart records its option instead.
const drawn: EChartsCoreOption[] = [];
vi.mock('../../ops/Chart', () => ({
  default: ({ option, testId }: { option: EChartsCoreOption; testId?: string }) => {
    drawn.push(option);
    return <div data-testid={testId} />;
  },
}));

function setup(me = staffMe) {
  return mockApi({
    'GET /me': { body: me },
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
    'GET /stats/platform': { body: platformStatsFixture },
  });
}

describe('platform stats', () => {
  it('shows money held, released, commission and queues with the monthly chart', async () => {
    setup();
    renderApp('/staff/stats');
    expect(await screen.findByTestId('ps-escrow')).toHaveTextContent('¥12,345.00');
    expect(screen.getByTestId('ps-deposits')).toHaveTextContent('¥600.00');
    expect(screen.getByTestId('ps-released')).toHaveTextContent('¥25,000.00');
    expect(screen.getByTestId('ps-commission')).toHaveTextContent('¥3,456.78');
    expect(screen.getByTestId('ps-disputes')).toHaveTextContent('3');
    expect(screen.getByTestId('ps-disputes').closest('a')).toHaveAttribute('href', '/staff/disputes');
    expect(screen.getByTestId('ps-disbursements')).toHaveTextContent('5');
    expect(await screen.findByTestId('volume-chart')).toBeInTheDocument();
    const option = drawn.at(-1) as { series: { name: string; data: number[] }[] };
    expect(option.series.map((s) => s.name)).toEqual(['托管入账', '放款', '退款', '服务费']);
    expect(option.series[1].data).toEqual(platformStatsFixture.monthly.map((m) => m.released));
    // The same figures as a table for screen readers.
    expect(screen.getByTestId('volume-table')).toHaveTextContent('2030-12¥11,000.00¥9,900.00¥495.00¥550.00');
  });

  it('is for staff only', async () => {
    const { calls } = setup(workshopMe);
    renderApp('/staff/stats');
    expect(await screen.findByText('此页面仅限平台工作人员访问。')).toBeInTheDocument();
    expect(calls.some((c) => c.path === '/stats/platform')).toBe(false);
  });

  it('labels months and yuan for both languages', () => {
    expect(monthLabel('2030-03', 'zh')).toBe('3月');
    expect(monthLabel('2031-01', 'zh')).toBe('1月\n2031');
    expect(monthLabel('2030-03', 'en')).toBe('Mar');
    const t = (k: Parameters<typeof translate>[1]) => translate('en', k);
    const opt = volumeOption(platformStatsFixture.monthly, t, 'en') as { yAxis: { axisLabel: { formatter: (v: number) => string } } };
    expect(opt.yAxis.axisLabel.formatter(1234500)).toBe('¥12.3K');
  });
});
