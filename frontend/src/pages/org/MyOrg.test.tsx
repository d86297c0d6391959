import { screen } from '@testing-library/react';
import { companyMe, craftsReply, mockApi, renderApp } from '../../test/utils';
import { payoutFixture } from '../../test/money';
import { documentsFixture } from '../../test/documents';

describe('my organisation', () => {
  it('shows the organisation with its badge and members', async () => {
    mockApi({
      'GET /me': { body: companyMe },
      'GET /meta/crafts': craftsReply,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orgs/o1/payout-account': { body: payoutFixture() },
      'GET /orgs/o1': { body: { ...companyMe.org, verified: true, verified_at: '2025-02-01T00:00:00Z' } },
      'GET /orgs/o1/documents': { body: documentsFixture('o1', { business_licence: [] }) },
      'GET /orgs/o1/members': {
        body: { items: [{ user_id: 'u1', email: 'boss@example.com', name: '王经理', role: 'owner', joined_at: '2025-01-01T00:00:00Z' }], total: 1, page: 1, per_page: 100 },
      },
    });
    renderApp('/org');
    expect(await screen.findByRole('heading', { name: '滨州巧手制品有限公司' })).toBeInTheDocument();
    expect(await screen.findByText('已认证')).toBeInTheDocument();
    expect(await screen.findByText('boss@example.com')).toBeInTheDocument();
    expect(screen.getByText('91350100M000100Y43')).toBeInTheDocument();
  });
});
