import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { companyMe, mockApi, renderApp } from '../../test/utils';
import type { Me, SynonymsResponse } from '../../api/types';

const moderator: Me = { ...companyMe, org: null, role: 'moderator' };

describe('staff synonyms page', () => {
  it('lists the groups, adds one and deletes one', async () => {
    let groups: SynonymsResponse = {
      builtin: [{ terms: ['网兜', '网袋'], note: '案例一：编织网兜', builtin: true }],
      staff: [{ id: 's1', terms: ['微工厂', '小作坊'], note: '居民的叫法', builtin: false, updated_at: '2030-11-25T00:00:00Z' }],
    };
    const { calls } = mockApi({
      'GET /me': { body: moderator },
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 0, reported_orders: 0 } },
      'GET /synonyms': () => ({ body: groups }),
      'POST /synonyms': (r) => {
        const b = r.body as { terms: string[]; note: string };
        groups = { ...groups, staff: [...groups.staff, { id: 's2', ...b, builtin: false }] };
        return { status: 201, body: groups.staff[1] };
      },
      'DELETE /synonyms/s1': () => {
        groups = { ...groups, staff: groups.staff.filter((g) => g.id !== 's1') };
        return { status: 204 };
      },
    });
    renderApp('/staff/synonyms');
    const card = await screen.findByTestId('staff-synonyms');
    expect(card).toHaveTextContent('微工厂');
    expect(card).toHaveTextContent('居民的叫法');
    expect(screen.getByText('工作人员添加的词组（1）')).toBeInTheDocument();

    const terms = screen.getByRole('combobox', { name: '词语' });
    await userEvent.type(terms, '滴胶,水晶胶,');
    await userEvent.type(screen.getByLabelText('来源或理由'), '饰品厂两种叫法');
    await userEvent.click(screen.getByRole('button', { name: /添加词组/ }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ terms: ['滴胶', '水晶胶'], note: '饰品厂两种叫法' }));
    await waitFor(() => expect(screen.getAllByTestId('staff-synonyms')).toHaveLength(2));

    await userEvent.click(within(screen.getAllByTestId('staff-synonyms')[0]).getByRole('button', { name: '删除' }));
    const confirm = (await screen.findByText(/删除词组“微工厂\/小作坊”/)).closest('.ant-popover') as HTMLElement;
    await userEvent.click(within(confirm).getByRole('button', { name: '删除' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/synonyms/s1')).toBe(true));
    await waitFor(() => expect(screen.getAllByTestId('staff-synonyms')).toHaveLength(1));
  });
});
