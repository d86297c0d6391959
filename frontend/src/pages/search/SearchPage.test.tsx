import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, loggedOut, mockApi, regionsReply, renderApp } from '../../test/utils';
import type { SearchHit } from '../../api/types';
import { readSearch, toApiParams, writeSearch } from './searchQuery';

const hit: SearchHit = {
  id: 'h1',
  title: '编织网兜 5000 个',
  description: '',
  craft: 'weaving',
  craft_name_zh: '编织',
  craft_name_en: 'Weaving',
  tags: [],
  company_id: 'c1',
  company_name: '滨州鑫源工艺品有限公司',
  company_verified: true,
  province_code: '370000',
  city_code: '371600',
  district_code: '371602',
  region_name: '山东省 滨州市 滨城区',
  lat: 37.38,
  lng: 117.97,
  unit_price: 150,
  quantity: 5000,
  remaining_quantity: 4000,
  min_bid_quantity: 1000,
  bidding_deadline: '2030-12-02T04:00:00Z',
  delivery_deadline: '2031-01-01T04:00:00Z',
  deposit_kind: 'per_unit',
  deposit_min_bid: 20000,
  deposit_waivable: true,
  hourly_equivalent: 1500,
  below_minimum_wage: true,
  published_at: '2030-11-22T04:00:00Z',
  company_contracts_settled: 0,
  company_rejection_pct: null,
  company_funded_on_time_pct: null,
  company_rating: null,
};

describe('search page', () => {
  it('reads its query from the URL and writes changes back', async () => {
    const { calls } = mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /search/orders': {
        body: { hits: [hit], total: 1, page: 1, per_page: 20, facets: { craft: { weaving: 1 }, province: { '370000': 1 }, deposit: { per_unit: 1 } } },
      },
    });
    const { router } = renderApp('/search?q=%E7%BD%91%E5%85%9C&craft=weaving&min=1.5&deposit=none&sort=price_desc');
    expect(await screen.findByText('编织网兜 5000 个')).toBeInTheDocument();
    const first = calls.find((c) => c.path === '/search/orders')!;
    expect(Object.fromEntries(first.query)).toMatchObject({ q: '网兜', craft: 'weaving', price_min: '150', deposit: 'none', sort: 'price_desc', page: '1' });
    expect(screen.getByLabelText('搜索订单')).toHaveValue('网兜');
    expect(screen.getByRole('switch', { name: '只看无保证金' })).toBeChecked();
    // Card facts: price per piece, quantity left, deposit, fair-pay warning, province facet by name.
    expect(screen.getByText('¥1.50/件')).toBeInTheDocument();
    expect(screen.getByText('剩 4,000 件')).toBeInTheDocument();
    expect(screen.getByText('可凭社区担保免除')).toBeInTheDocument();
    expect(screen.getAllByText('低于最低工资').length).toBeGreaterThan(0);

    // Typing searches after a pause and keeps the other filters.
    fireEvent.change(screen.getByLabelText('搜索订单'), { target: { value: '串珠' } });
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('串珠'));
    const params = new URLSearchParams(router.state.location.search);
    expect(params.get('craft')).toBe('weaving');
    expect(params.get('sort')).toBe('price_desc');
    await waitFor(() => expect(calls.some((c) => c.path === '/search/orders' && c.query.get('q') === '串珠')).toBe(true));

    await userEvent.click(screen.getByRole('switch', { name: '只看无保证金' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('deposit')).toBeNull());
  });

  it('shows an empty state with a hint to widen the search', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /search/orders': { body: { hits: [], total: 0, page: 1, per_page: 20, facets: {} } },
    });
    renderApp('/search?q=xyz');
    expect(await screen.findByText('没有找到符合条件的订单')).toBeInTheDocument();
    expect(screen.getByText(/去掉一些筛选条件/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '清除全部筛选' })).toBeInTheDocument();
  });

  it('labels a partial match and offers the words as chips to remove', async () => {
    const { calls } = mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /search/orders': (r) =>
        r.query.get('q') === '编织 上海'
          ? { body: { hits: [hit], total: 1, total_exact: true, page: 1, per_page: 20, facets: {}, match: 'partial', words: ['编织', '上海'], matched_words: ['编织'] } }
          : { body: { hits: [hit], total: 10000, total_exact: false, page: 1, per_page: 20, facets: {}, match: 'all', words: ['编织'], matched_words: ['编织'] } },
    });
    const { router } = renderApp('/search?q=%E7%BC%96%E7%BB%87%20%E4%B8%8A%E6%B5%B7&craft=weaving');
    const notice = await screen.findByTestId('partial-match');
    expect(notice).toHaveTextContent('部分匹配');
    expect(notice).toHaveTextContent('以下结果包含：编织');
    expect(screen.getByTestId('search-total')).toHaveTextContent('找到 1 个订单');
    // Removing 上海 searches again without it, keeping the filters.
    await userEvent.click(screen.getByLabelText('去掉“上海”'));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('q')).toBe('编织'));
    expect(new URLSearchParams(router.state.location.search).get('craft')).toBe('weaving');
    await waitFor(() => expect(calls.some((c) => c.path === '/search/orders' && c.query.get('q') === '编织')).toBe(true));
    // Above 10,000 the total says so.
    await waitFor(() => expect(screen.getByTestId('search-total')).toHaveTextContent('找到 10,000+ 个订单'));
    expect(screen.queryByTestId('partial-match')).toBeNull();
  });

  it('round-trips every filter through the URL', () => {
    const url = 'q=%E7%BD%91%E5%85%9C&craft=weaving%2Cbeading&region=370000&min=1.5&max=3&deposit=none&sort=distance&near=37.38%2C117.97&radius_km=50&page=2';
    const s = readSearch(new URLSearchParams(url));
    expect(writeSearch(s).toString()).toBe(url);
    expect(toApiParams(s)).toMatchObject({ craft: 'weaving,beading', price_min: 150, price_max: 300, near: '37.38,117.97', radius_km: 50, sort: 'distance', page: 2 });
    expect(toApiParams(readSearch(new URLSearchParams('min=1.234&sort=distance')))).toMatchObject({ price_min: undefined, sort: undefined });
  });

  it('shows the effective minimum when less than the minimum is left', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /search/orders': { body: { hits: [{ ...hit, remaining_quantity: 500 }], total: 1, page: 1, per_page: 20, facets: {} } },
    });
    renderApp('/search');
    expect(await screen.findByText('剩 500 件')).toBeInTheDocument();
    expect(screen.getByText('至少接 500 件')).toBeInTheDocument();
    expect(screen.queryByText('至少接 1,000 件')).not.toBeInTheDocument();
  });

  it('filters and sorts by the company scorecard, and shows it on each card', async () => {
    const { calls } = mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /search/orders': {
        body: {
          hits: [
            { ...hit, id: 'h1', title: '有记录的订单', company_contracts_settled: 12, company_rejection_pct: 2.5, company_funded_on_time_pct: 100, company_rating: 4.8 },
            { ...hit, id: 'h2', title: '新企业的订单', company_contracts_settled: 2 },
          ],
          total: 2,
          page: 1,
          per_page: 20,
          facets: {},
        },
      },
    });
    const { router } = renderApp('/search?company_rejection_max=5');
    expect(await screen.findByText('有记录的订单')).toBeInTheDocument();
    // The URL's bound reaches the API, and the control shows it.
    expect(Object.fromEntries(calls.find((c) => c.path === '/search/orders')!.query)).toMatchObject({ company_rejection_max: '5' });
    expect(screen.getByLabelText('企业拒收率')).toHaveValue('5');
    // A card with a record shows its figures; one with fewer than 3 settled contracts says so.
    const [withRecord, newcomer] = screen.getAllByTestId('hit-score');
    expect(withRecord).toHaveTextContent('拒收率 2.5%');
    expect(withRecord).toHaveTextContent('评分 4.8');
    expect(withRecord).toHaveTextContent('已结算 12 单');
    expect(newcomer).toHaveTextContent('结算不足3单');
    expect(newcomer).not.toHaveTextContent('%');
    // The rule for short records is explained next to the filters.
    expect(screen.getByText(/结算不足3单的企业还没有拒收率和评分/)).toBeInTheDocument();

    // Rating filter and the rating sort.
    await userEvent.selectOptions(screen.getByLabelText('企业评分'), '4.5');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('company_rating_min')).toBe('4.5'));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: '排序' }), '企业评分最高');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('company_rating'));
    await waitFor(() =>
      expect(
        calls.some((c) => c.path === '/search/orders' && c.query.get('sort') === 'company_rating' && c.query.get('company_rating_min') === '4.5' && c.query.get('company_rejection_max') === '5'),
      ).toBe(true),
    );
    expect(screen.getByRole('option', { name: '企业拒收率最低' })).toBeInTheDocument();
    // Back to any rejection rate: the bound leaves the URL.
    await userEvent.selectOptions(screen.getByLabelText('企业拒收率'), '');
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('company_rejection_max')).toBeNull());
  });

  it('round-trips the scorecard filters and ignores bounds it does not offer', () => {
    const url = 'sort=company_rejection&company_rejection_max=10&company_rating_min=4';
    const s = readSearch(new URLSearchParams(url));
    expect(writeSearch(s).toString()).toBe(url);
    expect(toApiParams(s)).toMatchObject({ sort: 'company_rejection', company_rejection_max: 10, company_rating_min: 4 });
    const odd = toApiParams(readSearch(new URLSearchParams('company_rejection_max=7&company_rating_min=abc')));
    expect(odd.company_rejection_max).toBeUndefined();
    expect(odd.company_rating_min).toBeUndefined();
  });

  it('offers to widen the radius when nothing is found nearby', async () => {
    const { calls } = mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /search/orders': { body: { hits: [], total: 0, page: 1, per_page: 20, facets: {} } },
    });
    const { router } = renderApp('/search?near=37.38%2C117.97&radius_km=20&sort=distance');
    await userEvent.click(await screen.findByRole('button', { name: '扩大到 50 公里' }));
    await waitFor(() => expect(new URLSearchParams(router.state.location.search).get('radius_km')).toBe('50'));
    await waitFor(() => expect(calls.some((c) => c.path === '/search/orders' && c.query.get('radius_km') === '50')).toBe(true));
    // Still nothing: the next step up is offered.
    expect(await screen.findByRole('button', { name: '扩大到 100 公里' })).toBeInTheDocument();
  });
});
