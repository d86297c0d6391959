import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, absent, regionsReply, renderApp } from '../../test/utils';
import { belowTotals, orderFixture, ownerCan, verifiedCompanyMe } from '../../test/orders';

function formItem(label: string): HTMLElement {
  return screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
}

describe('order form', () => {
  it('puts server field errors on the right fields and sends only what changed', async () => {
    const { calls } = mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: orderFixture },
      'POST /orders/preview': { body: { quote: belowTotals, fields: {} } },
      'PATCH /orders/o9': {
        status: 400,
        body: {
          error: {
            code: 'invalid',
            message: '请修改标出的内容',
            fields: {
              'deposit.amount': '固定保证金必须大于 0，且不超过物资总价值',
              'quality.criteria': '请写明验收标准（5–2000 字）',
            },
          },
        },
      },
    });
    renderApp('/orders/o9/edit');
    const title = await screen.findByLabelText('订单标题');
    expect(title).toHaveValue('编织网兜 5000 个');
    expect(screen.getByLabelText('单价（元/件）')).toHaveValue('1.50');
    expect(screen.getByLabelText('保证金（元/每个工坊）')).toHaveValue('200.00');

    fireEvent.change(title, { target: { value: '编织网兜 6000 个' } });
    await userEvent.click(screen.getByRole('button', { name: '保存修改' }));

    await waitFor(() =>
      expect(within(formItem('保证金（元/每个工坊）')).getByText('固定保证金必须大于 0，且不超过物资总价值')).toBeInTheDocument(),
    );
    expect(within(formItem('验收标准')).getByText('请写明验收标准（5–2000 字）')).toBeInTheDocument();
    // Not shown elsewhere (e.g. as a form-level alert).
    expect(screen.getAllByText('请写明验收标准（5–2000 字）')).toHaveLength(1);
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.body).toEqual({ title: '编织网兜 6000 个' });
  });

  it('sends money as exact integer fen', async () => {
    const { calls } = mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: orderFixture },
      'POST /orders/preview': { body: { quote: belowTotals, fields: {} } },
      'PATCH /orders/o9': { body: { ...orderFixture, unit_price: 1999 } },
    });
    renderApp('/orders/o9/edit');
    const price = await screen.findByLabelText('单价（元/件）');
    fireEvent.change(price, { target: { value: '19.99' } });
    fireEvent.change(screen.getByLabelText('保证金（元/每个工坊）'), { target: { value: '0.1' } });
    await userEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeTruthy());
    const patch = calls.find((c) => c.method === 'PATCH')!.body as Record<string, unknown>;
    expect(patch.unit_price).toBe(1999);
    expect(patch.deposit).toEqual({ kind: 'fixed', amount: 10, rate_bp: 0, waivable: true });
  });

  it('rejects a price with more than two decimals before sending', async () => {
    const { calls } = mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: orderFixture },
      'POST /orders/preview': { body: { quote: belowTotals, fields: {} } },
    });
    renderApp('/orders/o9/edit');
    fireEvent.change(await screen.findByLabelText('单价（元/件）'), { target: { value: '1.234' } });
    await userEvent.click(screen.getByRole('button', { name: '保存修改' }));
    expect(await within(formItem('单价（元/件）')).findByText('请输入金额，最多两位小数')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'PATCH')).toBe(false);
  });

  it('explains verification instead of showing a form to an unverified company', async () => {
    const { companyMe } = await import('../../test/utils');
    mockApi({
      'GET /me': { body: companyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
    });
    renderApp('/orders/new');
    expect(await screen.findByText('企业认证后才能发布订单')).toBeInTheDocument();
    expect(screen.queryByLabelText('订单标题')).not.toBeInTheDocument();
  });

  it('names the wrong term in the live preview instead of going blank', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: orderFixture },
      'POST /orders/preview': {
        body: { quote: null, fields: { 'deposit.amount': '固定保证金不能超过物资总价值 ¥4000.00（5000 件 × ¥0.80）', title: '请填写标题' } },
      },
    });
    renderApp('/orders/o9/edit');
    const problems = await screen.findByTestId('summary-problems');
    expect(within(problems).getByText('保证金（元/每个工坊）')).toBeInTheDocument();
    expect(problems).toHaveTextContent('¥4000.00（5000 件 × ¥0.80）');
    // Only the quote's terms: the title is the form's business.
    expect(problems).not.toHaveTextContent('请填写标题');
  });

  it('tells the company why its order can no longer be edited instead of showing the form', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...orderFixture, status: 'published', actions: ownerCan('published', true) } },
    });
    renderApp('/orders/o9/edit');
    const refused = await screen.findByTestId('edit-refused');
    expect(refused).toHaveTextContent('这个订单不能再修改');
    expect(refused).toHaveTextContent('已有报价被接受，订单条款已锁定，不能修改');
    expect(within(refused).getByRole('link', { name: '返回订单' })).toHaveAttribute('href', '/orders/o9');
    expect(screen.queryByLabelText('订单标题')).not.toBeInTheDocument();
  });

  it('offers "save and submit" only when the server allows submitting', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...orderFixture, status: 'pending_review', actions: ownerCan('pending_review') } },
      'POST /orders/preview': { body: { quote: belowTotals, fields: {} } },
    });
    renderApp('/orders/o9/edit');
    await screen.findByLabelText('订单标题');
    expect(screen.getByRole('button', { name: '保存修改' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保存并提交审核' })).not.toBeInTheDocument();
  });
});
