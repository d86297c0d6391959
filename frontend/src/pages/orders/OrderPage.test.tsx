import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, loggedOut, mockApi, regionsReply, renderApp } from '../../test/utils';
import { allow, deny, refusals } from '../../test/permissions';
import { reloadPrefs } from '../../prefs/store';
import { orderFixture, ownerCan, verifiedCompanyMe, visitorCan, workshopCan } from '../../test/orders';

/** Text a person typed: the server sends it as written in both languages. */
const typed = (s: string) => ({ zh: s, en: s });

describe('order page', () => {
  it('shows the owner the rejection reason, actions and history', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 1 } },
      'GET /orders/o9': {
        body: {
          ...orderFixture,
          status: 'rejected',
          actions: ownerCan('rejected'),
          status_reason: typed('单价过低，请提高单价'),
          history: [
            { at: '2030-11-22T05:00:00Z', actor_kind: 'company', actor_name: '王经理', action: 'submit', from_status: 'draft', to_status: 'pending_review' },
            { at: '2030-11-22T06:00:00Z', actor_kind: 'staff', actor_name: '', action: 'reject', from_status: 'pending_review', to_status: 'rejected', reason: typed('单价过低，请提高单价') },
          ],
        },
      },
    });
    renderApp('/orders/o9');
    // The page starts in its phone layout (actions below the banner) until the screen width is known.
    await waitFor(() => expect(within(screen.getByTestId('status-banner')).getByRole('button', { name: /提交审核/ })).toBeInTheDocument());
    const banner = screen.getByTestId('status-banner');
    expect(banner).toHaveTextContent('未通过审核');
    expect(banner).toHaveTextContent('原因：单价过低，请提高单价');
    expect(within(banner).getByRole('button', { name: /修改订单/ })).toBeInTheDocument();
    expect(screen.getByText('审核未通过')).toBeInTheDocument();
    expect(screen.getByText('平台工作人员', { exact: false })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /举报/ })).not.toBeInTheDocument();
  });

  it('shows anonymous visitors the public terms and the fair-pay warning, without owner tools', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', mine: false, role: 'public', actions: visitorCan(), history: undefined } },
    });
    renderApp('/orders/o9');
    expect(await screen.findByRole('heading', { name: '编织网兜 5000 个' })).toBeInTheDocument();
    expect(screen.getByText('¥1.50/件')).toBeInTheDocument();
    expect(screen.getByTestId('deposit-terms')).toHaveTextContent('每个接单工坊交 ¥200.00');
    expect(screen.getByTestId('below-min-wage-warning')).toHaveTextContent('¥15.00/小时');
    expect(screen.queryByTestId('status-banner')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /修改订单/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /举报/ })).not.toBeInTheDocument();
  });

  it('lets another organisation report a published order', async () => {
    const workshopMe = { ...verifiedCompanyMe, org: { ...verifiedCompanyMe.org!, id: 'w1', name: '黄河社区巧手坊' } };
    const { calls } = mockApi({
      'GET /me': { body: workshopMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', mine: false, role: 'public', actions: workshopCan({ bid: deny('只有社区工坊可以报价') }), history: undefined } },
      'POST /orders/o9/reports': { status: 201, body: { id: 'r1' } },
    });
    renderApp('/orders/o9');
    await userEvent.click(await screen.findByRole('button', { name: /举报/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('举报原因'));
    await userEvent.click(await screen.findByText('疑似押金骗局'));
    await userEvent.type(within(dialog).getByLabelText('详细说明'), '要求先交押金');
    await userEvent.click(within(dialog).getByRole('button', { name: /提\s*交/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ reason: 'deposit_scam', detail: '要求先交押金' }));
  });

  const owner = {
    'GET /me': { body: verifiedCompanyMe },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
  };

  it('shows the buttons the server allows, not those the status suggests, and says why edit is refused', async () => {
    // A draft, whose status alone would offer submit, edit and cancel; the server refuses two of them.
    mockApi({
      ...owner,
      'GET /orders/o9': {
        body: { ...orderFixture, actions: { ...ownerCan('draft'), cancel: deny('测试：不能取消'), edit: refusals.termsFrozen } },
      },
    });
    renderApp('/orders/o9');
    const banner = await screen.findByTestId('status-banner');
    await waitFor(() => expect(within(banner).getByRole('button', { name: /提交审核/ })).toBeInTheDocument());
    expect(screen.queryByRole('button', { name: /取消订单/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /修改订单/ })).not.toBeInTheDocument();
    expect(within(banner).getByTestId('why-no-edit')).toHaveTextContent('已有报价被接受，订单条款已锁定，不能修改');
  });

  it('offers what the server allows even where the status would not', async () => {
    // A closed order the server lets its company edit (a rule changed in Go): the page follows.
    mockApi({
      ...owner,
      'GET /orders/o9': { body: { ...orderFixture, status: 'closed', close_reason: 'expired', actions: { ...ownerCan('closed'), edit: allow() } } },
      'GET /orders/o9/bids': { body: { items: [], total: 0, page: 1, per_page: 100 } },
    });
    renderApp('/orders/o9');
    const banner = await screen.findByTestId('status-banner');
    await waitFor(() => expect(within(banner).getByRole('button', { name: /修改订单/ })).toBeInTheDocument());
    expect(within(banner).queryByRole('button', { name: /取消订单/ })).not.toBeInTheDocument();
    expect(within(banner).queryByTestId('why-no-edit')).not.toBeInTheDocument();
  });

  // A reason the server wrote itself (auto-suspension, an edit's fields) comes in both languages; each reader sees theirs.
  const reported = {
    ...orderFixture,
    status: 'suspended' as const,
    auto_suspended: true,
    actions: ownerCan('suspended'),
    status_reason: { zh: '多家机构举报，暂停待平台复核', en: 'reported by several organisations; suspended pending review' },
    history: [
      { at: '2030-11-22T05:00:00Z', actor_kind: 'company' as const, actor_name: '王经理', action: 'edit_terms' as const, from_status: 'published' as const, to_status: 'published' as const, reason: { zh: '修改了：单价', en: 'changed: unit price' } },
    ],
  };
  it('shows a reason the server wrote in Chinese to a Chinese reader', async () => {
    mockApi({ ...owner, 'GET /orders/o9': { body: reported }, 'GET /orders/o9/bids': { body: { items: [], total: 0, page: 1, per_page: 100 } } });
    renderApp('/orders/o9');
    const banner = await screen.findByTestId('status-banner');
    expect(banner).toHaveTextContent('原因：多家机构举报，暂停待平台复核');
    expect(banner).not.toHaveTextContent('reported by');
    expect(await screen.findByText('修改了：单价')).toBeInTheDocument();
    expect(screen.queryByText(/unit price|unit_price/)).not.toBeInTheDocument();
  });

  it('shows the server\'s reason in English to an English reader', async () => {
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    mockApi({ ...owner, 'GET /orders/o9': { body: reported }, 'GET /orders/o9/bids': { body: { items: [], total: 0, page: 1, per_page: 100 } } });
    renderApp('/orders/o9');
    const banner = await screen.findByTestId('status-banner');
    await waitFor(() => expect(banner).toHaveTextContent('reported by several organisations; suspended pending review'));
    expect(banner).not.toHaveTextContent('多家机构');
    expect(await screen.findByText('changed: unit price')).toBeInTheDocument();
  });

  it('shows the refusal in English when the page is in English', async () => {
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    mockApi({
      ...owner,
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', actions: ownerCan('published', true) } },
      'GET /orders/o9/bids': { body: { items: [], total: 0, page: 1, per_page: 100 } },
      'GET /orders/o9/invitations': { body: { items: [], total: 0, page: 1, per_page: 100 } },
    });
    renderApp('/orders/o9');
    expect(await screen.findByTestId('why-no-edit')).toHaveTextContent('the terms are frozen once a bid has been accepted');
    expect(screen.queryByRole('button', { name: /Cancel order/ })).not.toBeInTheDocument();
  });

  it('shows the company everything still to fund across a split order, with each transfer on its way', async () => {
    const funding = {
      owed: 750000,
      contracts: [
        { contract_id: 'c1', workshop_name: '黄河社区巧手坊', quantity: 3000, owed: 450000, can_fund: false, payment: { id: 'p1', provider: 'manual' as const, reference: 'DS-7F3K2Q', amount: 450000 } },
        { contract_id: 'c2', workshop_name: '新立社区幸福微坊', quantity: 2000, owed: 300000, can_fund: true, payment: null },
      ],
    };
    mockApi({
      ...owner,
      'GET /orders/o9': {
        body: { ...orderFixture, status: 'closed', close_reason: 'awarded', remaining_quantity: 0, actions: ownerCan('closed', true), funding },
      },
      'GET /orders/o9/bids': { body: { items: [], total: 0, page: 1, per_page: 100 } },
    });
    renderApp('/orders/o9');
    const box = await screen.findByTestId('order-funding');
    expect(box).toHaveTextContent('共需托管 ¥7,500.00（2 份合同）');
    const [a, b] = within(box).getAllByTestId('funding-line');
    expect(a).toHaveTextContent('黄河社区巧手坊：3,000 件，待托管 ¥4,500.00');
    expect(a).toHaveTextContent('¥4,500.00 的转账在途，参考号 DS-7F3K2Q');
    expect(within(a).getByRole('link', { name: '查看合同' })).toHaveAttribute('href', '/contracts/c1');
    expect(b).toHaveTextContent('新立社区幸福微坊：2,000 件，待托管 ¥3,000.00');
    expect(within(b).getByRole('link', { name: '去托管' })).toHaveAttribute('href', '/contracts/c2');
    // Fully awarded: no "at least 0 pieces".
    expect(screen.getByText('—（数量已全部授出）')).toBeInTheDocument();
  });

  it('says the rest of a split order goes in one bid, and cites the minimum wage with a link', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', mine: false, role: 'public', actions: visitorCan(), remaining_quantity: 600, history: undefined } },
    });
    renderApp('/orders/o9');
    // (waitFor: the page re-renders once the signed-out state settles)
    await waitFor(() => expect(screen.getByText('剩余 600 件需一次报全')).toBeInTheDocument());
    const source = screen.getByTestId('wage-source');
    expect(source).toHaveTextContent('来源：人力资源社会保障部《全国各省、自治区、直辖市最低工资标准情况（截至2025年7月1日）》（2025年7月15日发布）');
    expect(source).not.toHaveTextContent('https://');
    expect(within(source).getByRole('link', { name: '查看原文' })).toHaveAttribute('href', orderFixture.totals.min_wage_source_url);
    // A visitor is asked to sign in to bid (the order is public, so bidding is what it is for).
    expect(screen.getByRole('button', { name: /登录后报价/ })).toBeInTheDocument();
  });
});
