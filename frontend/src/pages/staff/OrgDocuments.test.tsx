import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { companyMe, mockApi, renderApp } from '../../test/utils';
import { workshopMe } from '../../test/bids';
import { documentsFixture } from '../../test/documents';
import { photoView } from '../../test/fulfilment';
import type { Me } from '../../api/types';

const moderator: Me = { ...companyMe, org: null, role: 'moderator' };
const company = companyMe.org!;
const workshop = { ...workshopMe.org!, id: 'w1', verified: false, verified_at: null };

function staffOrgs() {
  return mockApi({
    'GET /me': { body: moderator },
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /moderation/counts': { body: { orders_to_review: 0, orgs_to_verify: 2, reported_orders: 0 } },
    'GET /orgs': { body: { items: [company, workshop], total: 2, page: 1, per_page: 20 } },
    'GET /orgs/o1/documents': { body: documentsFixture('o1', { business_licence: [photoView('lic-1'), photoView('lic-2')] }, 'moderator', false) },
    'GET /orgs/w1/documents': { body: documentsFixture('w1', { business_licence: [], guarantee_letter: [] }, 'moderator', false) },
  });
}

async function openDialog(orgName: string, button: string) {
  const row = (await screen.findAllByText(orgName))[0].closest('tr, .org-card') as HTMLElement;
  // The button's name starts with its icon's label ("check 认证").
  await userEvent.click(within(row).getByRole('button', { name: new RegExp(`(^| )${button}$`) }));
  return screen.findByRole('dialog');
}

describe('staff checks the documents before deciding', () => {
  it('shows the licence in the verify dialog as thumbnails that open full size', async () => {
    staffOrgs();
    renderApp('/staff/orgs');
    const dialog = await openDialog(company.name, '认证');
    const preview = await within(dialog).findByTestId('documents-preview');
    expect(within(preview).getByText('营业执照')).toBeInTheDocument();
    const thumbs = preview.querySelectorAll('img');
    expect([...thumbs].map((i) => i.getAttribute('src'))).toEqual(['/api/v1/uploads/lic-1/thumb', '/api/v1/uploads/lic-2/thumb']);
    // A company keeps no community letter: nothing is said about one.
    expect(preview).not.toHaveTextContent('社区担保函');
    expect(preview).toHaveTextContent('请核对证照上的名称');
    await userEvent.click(thumbs[0]);
    await waitFor(() => expect(document.querySelector('.ant-image-preview-img')).toHaveAttribute('src', '/api/v1/uploads/lic-1'));
  });

  it('says plainly when a workshop uploaded nothing, in the verify and the guarantee dialogs', async () => {
    staffOrgs();
    renderApp('/staff/orgs');
    let dialog = await openDialog(workshop.name, '认证');
    let preview = await within(dialog).findByTestId('documents-preview');
    expect(preview).toHaveTextContent('未上传营业执照');
    expect(preview).toHaveTextContent('未上传社区担保函');
    expect(preview.querySelector('img')).toBeNull();
    await userEvent.click(within(dialog).getByRole('button', { name: /^取\s?消$/ }));

    dialog = await openDialog(workshop.name, '设为社区担保');
    preview = await within(dialog).findByTestId('documents-preview');
    expect(preview).toHaveTextContent('未上传社区担保函');
    expect(preview).not.toHaveTextContent('营业执照');
  });
});
