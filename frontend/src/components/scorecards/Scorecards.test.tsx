import { screen, within } from '@testing-library/react';
import { mockApi, renderApp } from '../../test/utils';
import { companyScorecard, newCompanyScorecard, workshopScorecard } from '../../test/settlement';
import { reloadPrefs } from '../../prefs/store';
import type { Profile } from '../../api/types';

const company: Profile = {
  id: 'o1',
  kind: 'company',
  name: '滨州巧手制品有限公司',
  region_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  verified: true,
  community_guarantee: false,
  crafts: [],
  headcount: 0,
  weekly_capacity: 0,
  created_at: '2025-01-01T00:00:00Z',
  company_record: { orders_published: 8, contracts_awarded: 6, contracts_settled: 5, rejection_rate: 0.032, disputes: 1 },
  company_scorecard: companyScorecard,
  open_orders: [],
};

const workshop: Profile = {
  ...company,
  id: 'w1',
  kind: 'workshop',
  name: '黄河社区巧手坊',
  host: '黄河社区居委会',
  crafts: ['weaving'],
  headcount: 20,
  weekly_capacity: 1500,
  company_record: undefined,
  company_scorecard: undefined,
  open_orders: undefined,
  track_record: { completed_contracts: 12, active_contracts: 1, disputes: 0, on_time_rate: 0.917, acceptance_rate: 0.985 } as Profile['track_record'],
  workshop_scorecard: workshopScorecard,
};

function show(p: Profile) {
  mockApi({
    'GET /me': { status: 401, body: { error: { code: 'unauthorized', message: '请先登录' } } },
    'GET /meta/crafts': { body: { items: [{ code: 'weaving', name_zh: '编织', name_en: 'Weaving' }] } },
    [`GET /profiles/${p.id}`]: { body: p },
  });
  renderApp(`/profiles/${p.id}`);
}

describe('scorecards on profiles', () => {
  it("shows a company's record with the formula of each figure", async () => {
    show(company);
    const card = await screen.findByTestId('company-scorecard');
    expect(within(card).getByTestId('sc-settled')).toHaveTextContent('5');
    const rej = within(card).getByTestId('sc-rejection');
    expect(rej).toHaveTextContent('3.2%');
    expect(rej).toHaveTextContent('不合格 96 件 / 交付 3000 件');
    expect(rej).toHaveTextContent('= 不合格件数 ÷ 交付件数（已结算合同）');
    expect(rej).toHaveClass('sc-good');
    expect(within(card).getByTestId('sc-funded')).toHaveTextContent('80%');
    expect(within(card).getByTestId('sc-funded')).toHaveTextContent('4 / 5 份合同');
    expect(within(card).getByTestId('sc-inspection')).toHaveTextContent('2.5 天');
    expect(within(card).getByTestId('sc-disputes')).toHaveTextContent('1');
    expect(within(card).getByTestId('sc-disputes')).toHaveClass('sc-bad');
    expect(within(card).getByTestId('sc-rating')).toHaveTextContent('4.3 / 5');
    expect(within(card).getByTestId('sc-rating')).toHaveTextContent('4 条评价');
    expect(card).toHaveTextContent('以上数字由平台根据已结算合同自动计算');
  });

  it('says there are too few settled contracts instead of a percentage', async () => {
    // The deposit scam pattern: 900 of 1000 rejected on the only contract.
    show({ ...company, company_scorecard: newCompanyScorecard });
    const card = await screen.findByTestId('company-scorecard');
    const rej = within(card).getByTestId('sc-rejection');
    expect(rej).toHaveTextContent('不足 3 份已结算合同，暂不计算');
    expect(rej).not.toHaveTextContent('%');
    expect(rej).toHaveTextContent('不合格 900 件 / 交付 1000 件');
    expect(within(card).getByTestId('sc-inspection')).toHaveTextContent('暂无数据');
    expect(within(card).getByTestId('sc-rating')).toHaveTextContent('暂无评价');
    expect(card).toHaveTextContent('已结算合同只有 1 份，少于 3 份时比例容易误导');
  });

  it("shows a workshop's record, in English too", async () => {
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    show(workshop);
    const card = await screen.findByTestId('workshop-scorecard');
    expect(within(card).getByTestId('sc-completed')).toHaveTextContent('12');
    expect(within(card).getByTestId('sc-ontime')).toHaveTextContent('91.7%');
    expect(within(card).getByTestId('sc-ontime')).toHaveTextContent('11 / 12 contracts');
    expect(within(card).getByTestId('sc-acceptance')).toHaveTextContent('98.5%');
    expect(within(card).getByTestId('sc-acceptance')).toHaveTextContent('= pieces accepted ÷ pieces delivered (settled contracts)');
    expect(within(card).getByTestId('sc-rating')).toHaveTextContent('4.8 / 5');
    expect(screen.queryByTestId('company-scorecard')).not.toBeInTheDocument();
  });
});
