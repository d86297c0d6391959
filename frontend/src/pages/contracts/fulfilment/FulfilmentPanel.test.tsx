import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi, renderApp } from '../../../test/utils';
import { verifiedCompanyMe } from '../../../test/orders';
import { workshopMe } from '../../../test/bids';
import {
  activeContract,
  contractReplies,
  deliveryFixture,
  dispatchFixture,
  fakeUploads,
  inspectedDelivery,
  messageFixture,
  photoView,
  pngFile,
  timelineFixture,
  workshopContract,
} from '../../../test/fulfilment';
import { allow, contractActions, deny, nextStep } from '../../../test/contracts';
import type { Timeline } from '../../../api/fulfilment';

const path = `/contracts/${activeContract.id}`;

/** The timeline as the workshop sees it (its actions and limits). */
const workshopTimeline = (over: Partial<Timeline> = {}) =>
  timelineFixture({
    role: 'workshop',
    actions: workshopContract.actions,
    limits: workshopContract.limits,
    next: nextStep({ step: 'inspect', who: 'company', quantity: 1000, due_at: '2030-12-08T04:00:00Z' }),
    deliveries: [{ ...deliveryFixture, actions: { inspect: deny('只有合同的企业方可以执行此操作'), dispute: deny(), deliver_rework: deny() } }],
    ...over,
  });

describe('fulfilment panel', () => {
  it('shows who acts next with a countdown, the quantities, materials and history', async () => {
    mockApi(contractReplies(workshopMe, workshopTimeline(), [messageFixture], workshopContract));
    renderApp(path);
    const next = await screen.findByTestId('ful-next');
    expect(next).toHaveTextContent('已交付 1,000 件，等待滨州巧手制品有限公司验收');
    expect(screen.getByTestId('ful-countdown')).toHaveTextContent('还剩');
    expect(screen.getByTestId('q-awaiting_inspection')).toHaveTextContent('待验收 1,000');
    expect(screen.getByTestId('q-material')).toHaveTextContent('发出 3000 · 收到 2990 · 退回 0');
    expect(screen.getByTestId('dispatch-item')).toHaveTextContent('短少 10 件');
    expect(screen.getByTestId('dispatch-item')).toHaveTextContent('少了一包线');
    expect(within(screen.getByTestId('delivery-item')).getAllByTestId('photo-thumb')).toHaveLength(1);
    expect(screen.getByTestId('contact-company')).toHaveTextContent('王经理');
    expect(screen.queryByTestId('contact-workshop')).not.toBeInTheDocument();
    expect(await screen.findByTestId('messages')).toHaveTextContent('第一批明天送到');
    expect(screen.getAllByTestId('ful-event')[0]).toHaveTextContent('交货 1,000 件');
    // The workshop cannot inspect; it can deliver more and return material.
    expect(screen.queryByTestId('ful-inspect')).not.toBeInTheDocument();
    expect(screen.getByTestId('ful-deliver')).toBeInTheDocument();
  });

  it('lets the company inspect: every rejection needs a reason and a photo, and the parts add up', async () => {
    const user = userEvent.setup();
    const { calls } = mockApi({
      ...contractReplies(verifiedCompanyMe, timelineFixture()),
      'POST /deliveries/del-1/inspect': { body: { ...inspectedDelivery } },
    });
    fakeUploads(() => ({ status: 201, body: photoView('p-new1') }));
    renderApp(path);
    expect(await screen.findByTestId('ful-next')).toHaveTextContent('工坊交付了 1,000 件，请在');
    await user.click(screen.getByTestId('ful-inspect'));
    const form = await screen.findByTestId('inspect-form');
    const accepted = within(form).getByTestId('inspect-accepted');
    await user.clear(accepted);
    await user.type(accepted, '950');
    await user.click(screen.getByTestId('ful-submit'));
    expect(await within(form).findByText('合格、不合格、返工之和应等于交货的 1000 件')).toBeInTheDocument();

    await user.click(within(form).getByTestId('reject-add'));
    await user.type(within(form).getByTestId('reject-reason'), '网眼不均匀');
    await user.type(within(form).getByTestId('reject-quantity'), '50');
    await user.click(screen.getByTestId('ful-submit'));
    expect(await within(form).findByText('每项不合格至少附一张照片')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    await user.upload(within(form).getByTestId('photo-input'), pngFile());
    await waitFor(() => expect(within(form).getByTestId('photo-tile')).toHaveAttribute('data-status', 'done'));
    expect(within(form).getByTestId('inspect-sum')).toHaveTextContent('合格 950 + 不合格 50 + 返工 0 = 1000');
    await user.click(screen.getByTestId('ful-submit'));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')).toBeDefined());
    expect(calls.find((c) => c.path === '/deliveries/del-1/inspect')?.body).toEqual({
      accepted: 950,
      rework: 0,
      rejected: [{ reason: '网眼不均匀', quantity: 50, photo_ids: ['p-new1'] }],
    });
  });

  it('shows the API’s field errors next to the fields', async () => {
    const user = userEvent.setup();
    mockApi({
      ...contractReplies(
        verifiedCompanyMe,
        timelineFixture({
          next: nextStep({ step: 'dispatch', who: 'you', action: 'dispatch', quantity: 3000 }),
          dispatches: [],
          deliveries: [],
          quantities: { ...timelineFixture().quantities, dispatched: 0 },
        }),
      ),
      [`POST /contracts/${activeContract.id}/dispatches`]: {
        status: 422,
        body: { error: { code: 'invalid', message: '请检查输入', fields: { quantity: '物料数量需在1到60件之间', tracking_no: '请填写运单号' } } },
      },
    });
    renderApp(path);
    await user.click(await screen.findByTestId('ful-dispatch'));
    const form = await screen.findByTestId('dispatch-form');
    await user.type(within(form).getByTestId('dispatch-carrier'), '顺丰');
    await user.type(within(form).getByTestId('dispatch-tracking'), ' x ');
    await user.click(screen.getByTestId('ful-submit'));
    expect(await within(form).findByText('物料数量需在1到60件之间')).toBeInTheDocument();
    expect(within(form).getByText('请填写运单号')).toBeInTheDocument();
  });

  it('lets the workshop dispute rejections within the window, and write in the thread', async () => {
    const user = userEvent.setup();
    const tl = workshopTimeline({
      next: nextStep({ step: 'deliver', who: 'you', action: 'deliver', quantity: 1050 }),
      deliveries: [{ ...inspectedDelivery, dispute_due_at: '2099-01-01T00:00:00Z' }],
    });
    const { calls } = mockApi({
      ...contractReplies(workshopMe, tl, [], workshopContract),
      'POST /deliveries/del-1/dispute': { status: 201, body: {} },
      [`POST /contracts/${activeContract.id}/messages`]: { status: 201, body: messageFixture },
    });
    renderApp(path);
    const item = await screen.findByTestId('delivery-item');
    expect(within(item).getByTestId('rejection')).toHaveTextContent('网眼不均匀');
    await user.click(within(item).getByTestId('ful-dispute'));
    const form = await screen.findByTestId('dispute-form');
    expect(form.closest('.ant-modal')).toHaveTextContent('企业判定 50 件不合格（¥75.00）');
    await user.type(within(form).getByTestId('dispute-statement'), '太短');
    await user.click(screen.getByTestId('ful-submit'));
    expect(await within(form).findByText('请写明申诉理由（10–2000 字）')).toBeInTheDocument();
    await user.type(within(form).getByTestId('dispute-statement'), '，这些网眼在误差范围以内，请平台核实');
    await user.click(screen.getByTestId('ful-submit'));
    await waitFor(() => expect(calls.find((c) => c.path === '/deliveries/del-1/dispute')).toBeDefined());
    expect(calls.find((c) => c.path === '/deliveries/del-1/dispute')?.body).toEqual({
      statement: '太短，这些网眼在误差范围以内，请平台核实',
      photo_ids: [],
    });

    await user.type(screen.getByTestId('messages-body'), '返工件周五送到');
    await user.click(screen.getByTestId('messages-send'));
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/messages') && c.method === 'POST')?.body).toEqual({ body: '返工件周五送到', photo_ids: [] }));
  });

  it('asks the workshop for a shortfall note when fewer pieces arrive', async () => {
    const user = userEvent.setup();
    const tl = workshopTimeline({
      next: nextStep({ step: 'receive', who: 'you', action: 'receive', quantity: 500, ref: 'd-9' }),
      deliveries: [],
      dispatches: [
        {
          ...dispatchFixture,
          id: 'd-9',
          seq: 2,
          quantity: 500,
          method: 'pickup',
          carrier: '',
          tracking_no: '',
          received_quantity: null,
          shortfall_note: '',
          received_at: null,
          photos: [],
          actions: { receive: allow() },
        },
      ],
    });
    const { calls } = mockApi({ ...contractReplies(workshopMe, tl, [], workshopContract), 'POST /dispatches/d-9/receive': { body: {} } });
    renderApp(path);
    await user.click(await screen.findByTestId('ful-receive'));
    const form = await screen.findByTestId('receive-form');
    const qty = within(form).getByTestId('receive-quantity');
    await user.clear(qty);
    await user.type(qty, '490');
    await user.click(screen.getByTestId('ful-submit'));
    expect(await within(form).findByText('短少时请说明情况')).toBeInTheDocument();
    await user.type(within(form).getByTestId('receive-note'), '少一箱');
    await user.click(screen.getByTestId('ful-submit'));
    await waitFor(() => expect(calls.find((c) => c.path === '/dispatches/d-9/receive')?.body).toEqual({ quantity: 490, note: '少一箱', photo_ids: [] }));
  });

  it('lets the workshop return unused material and the company end the contract short', async () => {
    const user = userEvent.setup();
    const delivered = {
      deliveries: [{ ...inspectedDelivery, rejected: 0, rejections: [], accepted: 1000, actions: { inspect: deny(), dispute: deny(), deliver_rework: deny() } }],
      quantities: { ...timelineFixture().quantities, accepted: 1000, awaiting_inspection: 0 },
    };
    const done = workshopTimeline({ ...delivered, next: nextStep({ step: 'deliver', who: 'you', action: 'deliver', quantity: 1050 }) });
    const ws = mockApi({
      ...contractReplies(workshopMe, done, [], workshopContract),
      [`POST /contracts/${activeContract.id}/returns`]: { status: 201, body: {} },
    });
    const first = renderApp(path);
    await screen.findByTestId('ful-next');
    await user.click(await screen.findByTestId('ful-return'));
    const form = await screen.findByTestId('return-form');
    expect(form.closest('.ant-modal')).toHaveTextContent('手上还有约 1990 件的物料');
    await user.type(within(form).getByTestId('return-quantity'), '2000');
    await user.click(screen.getByTestId('ful-submit'));
    expect(await within(form).findByText('最多 1990 件')).toBeInTheDocument();
    await user.clear(within(form).getByTestId('return-quantity'));
    await user.type(within(form).getByTestId('return-quantity'), '90');
    await user.click(screen.getByTestId('ful-submit'));
    await waitFor(() => expect(ws.calls.find((c) => c.path.endsWith('/returns'))?.body).toEqual({ quantity: 90, note: '' }));
    first.unmount();

    const companyDone = timelineFixture({ ...delivered, actions: contractActions('dispatch', 'end_short', 'post_message', 'view_money') });
    const co = mockApi({ ...contractReplies(verifiedCompanyMe, companyDone), [`POST /contracts/${activeContract.id}/end`]: { body: activeContract } });
    renderApp(path);
    await user.click(await screen.findByTestId('ful-end'));
    const end = await screen.findByTestId('end-form');
    // 3000 − 1000 accepted: 2000 pieces × ¥1.50 of escrow go back.
    expect(end.closest('.ant-modal')).toHaveTextContent('还有 2000 件不再交付');
    expect(end.closest('.ant-modal')).toHaveTextContent('¥3,000.00');
    await user.click(screen.getByTestId('ful-submit'));
    await waitFor(() => expect(co.calls.find((c) => c.path.endsWith('/end'))?.method).toBe('POST'));
  });

  it('draws its buttons from the server’s actions, not from the status', async () => {
    // Delivering, but the server refuses every fulfilment step to this caller
    // (the material is used up and nothing waits for inspection).
    const tl = workshopTimeline({
      actions: contractActions('post_message', 'view_money'),
      next: nextStep({ step: 'dispatch', who: 'company', quantity: 1000 }),
      deliveries: [],
    });
    mockApi(contractReplies(workshopMe, tl, [], workshopContract));
    renderApp(path);
    expect(await screen.findByTestId('ful-next')).toHaveTextContent('等待滨州巧手制品有限公司发料');
    expect(screen.queryByTestId('ful-deliver')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ful-return')).not.toBeInTheDocument();
    expect(screen.queryByTestId('ful-dispatch')).not.toBeInTheDocument();
  });
});
