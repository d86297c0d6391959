import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { craftsReply, mockApi, regionsReply, renderApp } from '../../../test/utils';
import { verifiedCompanyMe } from '../../../test/orders';
import { settledContract, statementFixture } from '../../../test/settlement';
import { reloadPrefs } from '../../../prefs/store';

const id = statementFixture.contract_id;

function setup() {
  return mockApi({
    'GET /me': { body: verifiedCompanyMe },
    'GET /meta/crafts': craftsReply,
    'GET /meta/regions': regionsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    [`GET /contracts/${id}`]: { body: settledContract },
    [`GET /contracts/${id}/statement`]: { body: statementFixture },
  });
}

describe('statement page', () => {
  it('writes out the terms, every line, the totals and the deposit computation', async () => {
    setup();
    renderApp(`/contracts/${id}/statement`);
    expect(await screen.findByRole('heading', { name: '合同结算单' })).toBeInTheDocument();
    expect(screen.getByTestId('statement-title')).toHaveTextContent('编织网兜 5000 个');
    const terms = screen.getByTestId('st-terms');
    expect(terms).toHaveTextContent('企业滨州巧手制品有限公司');
    expect(terms).toHaveTextContent('数量3,000 件');
    expect(terms).toHaveTextContent('保证金¥50.00');
    expect(terms).toHaveTextContent('平台服务费率5%');
    const materials = screen.getByTestId('st-materials');
    expect(within(materials).getAllByTestId('statement-line')).toHaveLength(2);
    expect(materials).toHaveTextContent('企业发出物料');
    expect(materials).toHaveTextContent('顺丰 · 运单号 SF1234567');
    // "0 rework" says nothing and is left out; rejected pieces are listed.
    const deliveries = within(screen.getByTestId('st-deliveries')).getAllByTestId('statement-line');
    expect(deliveries.map((r) => r.textContent)).toEqual([
      expect.stringContaining('交付'),
      expect.stringContaining('验收合格'),
      expect.stringContaining('验收不合格'),
    ]);
    expect(screen.getByTestId('st-disputes')).toHaveTextContent('没有申诉。');
    const money = screen.getByTestId('st-money');
    expect(money).toHaveTextContent('企业托管货款');
    expect(money).toHaveTextContent('¥4,500.00');
    expect(money).toHaveTextContent('付给工坊（已汇出）');
    // How the money moved, in words with its references (the server's note in the reader's language).
    expect(money).toHaveTextContent('银行转账 · 参考号 DS-1 · 银行流水号 ICBC-1');
    expect(money).not.toHaveTextContent('bank transfer');
    expect(money).toHaveTextContent('退款（待汇出）');
    expect(screen.getByTestId('st-workshop-net')).toHaveTextContent('¥4,061.25');
    expect(screen.getByTestId('st-escrow-refunded')).toHaveTextContent('¥225.00');
    expect(screen.getByTestId('st-deposit')).toHaveTextContent('退还工坊 = ¥50.00 − ¥32.00 = ¥18.00');
    // The company rates from the statement too.
    expect(await screen.findByTestId('rating-form')).toHaveTextContent('做工质量');
    expect(screen.getByRole('link', { name: /返回合同/ })).toHaveAttribute('href', `/contracts/${id}`);
  });

  it('prints and downloads the spreadsheet in the UI language', async () => {
    const user = userEvent.setup();
    window.localStorage.setItem('doorstep.lang', 'en');
    reloadPrefs();
    const { fetchMock } = setup();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    const createURL = vi.fn(() => 'blob:statement');
    const revokeURL = vi.fn();
    Object.assign(URL, { createObjectURL: createURL, revokeObjectURL: revokeURL });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp(`/contracts/${id}/statement`);
    expect(await screen.findByRole('heading', { name: 'Settlement statement' })).toBeInTheDocument();
    expect(screen.getByTestId('st-deposit')).toHaveTextContent('Returned to the workshop = ¥50.00 − ¥32.00 = ¥18.00');
    expect(screen.getByTestId('st-money')).toHaveTextContent('bank transfer · ref DS-1 · bank ref ICBC-1');
    await user.click(screen.getByTestId('statement-print'));
    expect(print).toHaveBeenCalled();

    fetchMock.mockImplementationOnce(async () =>
      new Response(new Blob(['PK..']), { status: 200, headers: { 'Content-Disposition': 'attachment; filename="statement-c1a2b3c4.xlsx"' } }),
    );
    await user.click(screen.getByTestId('statement-xlsx'));
    await waitFor(() => expect(click).toHaveBeenCalled());
    const [req] = fetchMock.mock.calls.at(-1) as [Request];
    expect(new URL(req.url).pathname).toBe(`/api/v1/contracts/${id}/statement.xlsx`);
    expect(req.headers.get('Accept-Language')).toBe('en');
    expect(createURL).toHaveBeenCalled();
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('statement-c1a2b3c4.xlsx');
    print.mockRestore();
    click.mockRestore();
  });

  it('shows a failed download', async () => {
    const user = userEvent.setup();
    const { fetchMock } = setup();
    renderApp(`/contracts/${id}/statement`);
    await screen.findByTestId('statement');
    fetchMock.mockImplementationOnce(async () =>
      new Response(JSON.stringify({ error: { code: 'not_found', message: '找不到该合同' } }), { status: 404, headers: { 'Content-Type': 'application/json' } }),
    );
    await user.click(screen.getByTestId('statement-xlsx'));
    expect(await screen.findByText('找不到该合同')).toBeInTheDocument();
  });

  it('is a 404 for someone else', async () => {
    mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /notifications/unread-count': { body: { count: 0 } },
      [`GET /contracts/${id}/statement`]: { status: 404, body: { error: { code: 'not_found', message: '找不到该合同' } } },
    });
    renderApp(`/contracts/${id}/statement`);
    expect(await screen.findByText('合同不存在，或您无权查看')).toBeInTheDocument();
  });
});
