import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { companyMe, craftsReply, mockApi, renderApp } from '../../test/utils';
import { payoutFixture } from '../../test/money';
import { documentsFixture } from '../../test/documents';
import { fakeUploads, photoView, pngFile } from '../../test/fulfilment';

const members = { body: { items: [], total: 0, page: 1, per_page: 100 } };

function orgPage(me = companyMe, documents = documentsFixture('o1', { business_licence: [] }), extra = {}) {
  const api = mockApi({
    'GET /me': { body: me },
    'GET /meta/crafts': craftsReply,
    'GET /notifications/unread-count': { body: { count: 0 } },
    'GET /orgs/o1': { body: me.org },
    'GET /orgs/o1/members': members,
    'GET /orgs/o1/payout-account': { body: payoutFixture() },
    'GET /orgs/o1/documents': { body: documents },
    ...extra,
  });
  renderApp('/org');
  return api;
}

describe('organisation documents', () => {
  it('asks a new, unverified company for its licence first and saves the upload as the document', async () => {
    fakeUploads(() => ({ status: 201, body: photoView('p-1') }));
    const { calls } = orgPage(companyMe, documentsFixture('o1', { business_licence: [] }), {
      'PUT /orgs/o1/documents': { body: documentsFixture('o1', { business_licence: [photoView('p-1')] }) },
    });
    const card = await screen.findByTestId('documents-card');
    expect(await within(card).findByTestId('licence-prompt')).toHaveTextContent('上传营业执照，审核更快');
    expect(card).toHaveTextContent('只有本机构成员和平台审核人员能看到这些材料');
    // The documents come before the organisation's details on an unverified organisation's page.
    expect(card.compareDocumentPosition(screen.getByText('组织信息')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();

    const licence = within(card).getByTestId('document-business_licence');
    await userEvent.upload(within(licence).getByTestId('photo-input'), pngFile('licence.png'));
    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ kind: 'business_licence', photo_ids: ['p-1'] }));
    expect(await within(card).findByText('已保存')).toBeInTheDocument();
    expect(licence.querySelector('img')).toHaveAttribute('src', '/api/v1/uploads/p-1/thumb');

    // Removing the photo saves the empty document.
    await userEvent.click(within(licence).getByRole('button', { name: '删除第 1 张照片' }));
    await waitFor(() => expect(calls.filter((c) => c.method === 'PUT').at(-1)?.body).toEqual({ kind: 'business_licence', photo_ids: [] }));
  });

  it('shows a member the documents without upload buttons, and says why', async () => {
    const member = { ...companyMe, role: 'member' as const };
    orgPage(member, documentsFixture('o1', { business_licence: [photoView('lic-1')] }, 'company', false));
    const card = await screen.findByTestId('documents-card');
    await within(card).findByTestId('photo-thumb');
    expect(card.querySelector('img')).toHaveAttribute('src', '/api/v1/uploads/lic-1/thumb');
    expect(within(card).queryByTestId('photo-input')).not.toBeInTheDocument();
    expect(card).toHaveTextContent('只有机构负责人可以上传或更换证照');
    expect(within(card).queryByTestId('licence-prompt')).not.toBeInTheDocument();
  });
});
