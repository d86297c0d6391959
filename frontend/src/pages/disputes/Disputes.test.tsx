import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderApp } from '../../test/utils';
import { workshopMe } from '../../test/bids';
import {
  activeContract,
  contractReplies,
  disputeDetail,
  disputeRow,
  inspectedDelivery,
  moderatorMe,
  timelineFixture,
} from '../../test/fulfilment';
import { allow, contractActions, contractAs, deny, nextStep } from '../../test/contracts';

const tl = timelineFixture({
  next: nextStep({ step: 'decide_dispute', who: 'you', action: 'decide_dispute', quantity: 50, ref: 'x-1' }),
  deliveries: [{ ...inspectedDelivery, status: 'disputed' }],
});
const asModerator = contractAs({ ...activeContract, role: 'moderator', actions: contractActions('decide_cancel', 'post_message', 'view_money') });
const asWorkshop = contractAs({ ...activeContract, role: 'workshop' });

describe('disputes', () => {
  it('lists the open disputes oldest first with their age', async () => {
    const { calls } = mockApi({
      ...contractReplies(moderatorMe, tl),
      'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
      'GET /disputes': { body: { items: [disputeRow], total: 1, page: 1, per_page: 20 } },
    });
    renderApp('/staff/disputes');
    const card = await screen.findByTestId('dispute-card');
    expect(within(card).getByRole('link', { name: activeContract.title })).toHaveAttribute('href', '/disputes/x-1');
    expect(within(card).getByTestId('dispute-age')).toHaveTextContent('已等待');
    expect(card).toHaveTextContent('争议 50 件');
    expect(card).toHaveTextContent('滨州巧手制品有限公司 ↔ 黄河社区巧手坊');
    expect(calls.find((c) => c.path === '/disputes')?.query.get('status')).toBe('open');
  });

  it('lets staff decide, showing what the decision does to the money before it is sent', async () => {
    const user = userEvent.setup();
    const { calls } = mockApi({
      ...contractReplies(moderatorMe, tl, [], asModerator),
      'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
      'GET /disputes/x-1': { body: disputeDetail },
      // The money of a decision is the server's: 30 × ¥1.50, 5 % commission, 20 back.
      'POST /disputes/x-1/preview': (r) =>
        (r.body as { accepted: number }).accepted === 30
          ? { body: { accepted: 30, gross: 4500, commission: 225, net: 4275, refund: 3000 } }
          : { body: { accepted: (r.body as { accepted: number }).accepted, gross: 0, commission: 0, net: 0, refund: 7500 } },
      'POST /disputes/x-1/resolve': { body: { ...disputeDetail, status: 'resolved', decided_accepted: 30 } },
    });
    renderApp('/disputes/x-1');
    expect(await screen.findByTestId('dispute-statement')).toHaveTextContent('这些网眼都在误差范围内');
    expect(await screen.findByTestId('dispute-inspection')).toHaveTextContent('网眼不均匀');
    await user.type(screen.getByTestId('resolve-accepted'), '30');
    // 30 × ¥1.50 = ¥45.00; 5% commission ¥2.25; ¥42.75 to the workshop; 20 × ¥1.50 back to the company.
    await waitFor(() => expect(screen.getByTestId('resolve-money')).toHaveTextContent('¥42.75'));
    const money = screen.getByTestId('resolve-money');
    expect(money).toHaveTextContent('¥45.00');
    expect(money).toHaveTextContent('¥2.25');
    expect(money).toHaveTextContent('¥42.75');
    expect(money).toHaveTextContent('¥30.00');
    await user.click(screen.getByTestId('resolve-submit'));
    expect(await screen.findByText('请写明裁决理由')).toBeInTheDocument();
    await user.type(screen.getByTestId('resolve-note'), '照片显示 30 件合格');
    await user.click(screen.getByTestId('resolve-submit'));
    expect(await screen.findByTestId('resolve-confirm-money')).toHaveTextContent('¥42.75');
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/resolve'))).toBe(false); // only previews so far
    await user.click(screen.getByTestId('resolve-confirm'));
    await waitFor(() => expect(calls.find((c) => c.path === '/disputes/x-1/resolve')?.body).toEqual({ accepted: 30, note: '照片显示 30 件合格' }));
  });

  it('shows a party the dispute and lets it comment, without the decision form', async () => {
    const user = userEvent.setup();
    const { calls } = mockApi({
      ...contractReplies(workshopMe, tl, [], asWorkshop),
      'GET /disputes/x-1': { body: { ...disputeDetail, actions: { comment: allow(), resolve: deny('只有平台审核人员可以执行此操作') }, comments: [{ id: 'k1', author_name: '审核员', org_id: null, body: '请补充照片', photos: [], created_at: '2030-12-04T04:00:00Z' }] } },
      'POST /disputes/x-1/comments': { status: 201, body: {} },
    });
    renderApp('/disputes/x-1');
    const thread = await screen.findByTestId('comments');
    expect(thread).toHaveTextContent('请补充照片');
    expect(within(thread).getByText('平台')).toBeInTheDocument();
    expect(screen.queryByTestId('resolve')).not.toBeInTheDocument();
    await user.type(screen.getByTestId('comments-body'), '已补充');
    await user.click(screen.getByTestId('comments-send'));
    await waitFor(() => expect(calls.find((c) => c.path === '/disputes/x-1/comments')?.body).toEqual({ body: '已补充', photo_ids: [] }));
  });
});
