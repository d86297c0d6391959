import { screen, within } from '@testing-library/react';
import { craftsReply, loggedOut, mockApi, regionsReply, renderApp } from '../../test/utils';
import type { Profile } from '../../api/types';

const rate = (num: number, den: number) => ({ num, den, enough: true, value: num / den });

const workshop: Profile = {
  id: 'w1',
  kind: 'workshop',
  name: '黄河社区巧手坊',
  region_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  verified: true,
  community_guarantee: true,
  host: '黄河社区居委会',
  crafts: ['weaving'],
  headcount: 20,
  weekly_capacity: 1500,
  created_at: '2025-01-01T00:00:00Z',
  track_record: { completed_contracts: 4, active_contracts: 1, on_time_rate: 0.75, acceptance_rate: 0.98, disputes: 1 },
  workshop_scorecard: { contracts_completed: 4, on_time_rate: rate(3, 4), acceptance_rate: rate(3920, 4000), disputes_lost: 0, average_rating: 4.5, ratings: 3 },
};

describe('profile page', () => {
  it('names each of a workshop\'s rates once, as the bid comparison and search do', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /profiles/w1': { body: workshop },
    });
    renderApp('/profiles/w1');
    await screen.findByRole('heading', { name: '黄河社区巧手坊' });
    expect(screen.getAllByText('按时交付率')).toHaveLength(1);
    expect(screen.getAllByText('验收合格率')).toHaveLength(1);
    expect(screen.queryByText('准时交货率')).not.toBeInTheDocument();
    // The track-record card keeps what the scorecard does not show.
    const record = screen.getByTestId('track-record-card');
    expect(within(record).getByText('进行中')).toBeInTheDocument();
    expect(within(record).queryByText('完成合同')).not.toBeInTheDocument();
  });
});
