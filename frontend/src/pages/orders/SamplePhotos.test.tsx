import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { absent, craftsReply, loggedOut, mockApi, regionsReply, renderApp } from '../../test/utils';
import { belowTotals, orderFixture, verifiedCompanyMe, visitorCan } from '../../test/orders';
import { fakeUploads, photoView, pngFile } from '../../test/fulfilment';

const oldLink = 'https://img.example.cn/old-sample.jpg';

describe('order sample photos', () => {
  it('are uploaded in the form; an older order’s link can be removed, not added to', async () => {
    fakeUploads(() => ({ status: 201, body: photoView('p-new') }));
    const { calls } = mockApi({
      'GET /me': { body: verifiedCompanyMe },
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
      'GET /orders/o9': { body: { ...orderFixture, sample_photos: [oldLink], sample_photo_uploads: [photoView('p-old')] } },
      'POST /orders/preview': { body: { quote: belowTotals, fields: {} } },
      'PATCH /orders/o9': { body: orderFixture },
    });
    renderApp('/orders/o9/edit');
    const photos = await screen.findByTestId('sample-photos');
    // No box to type links into any more.
    expect(screen.queryByPlaceholderText('https://')).not.toBeInTheDocument();
    expect(photos.querySelector('img')).toHaveAttribute('src', '/api/v1/uploads/p-old/thumb');
    const links = screen.getByTestId('sample-links');
    expect(links).toHaveTextContent('以前填写的图片链接');
    expect(within(links).getByRole('link', { name: oldLink })).toHaveAttribute('href', oldLink);

    await userEvent.upload(within(photos).getByTestId('photo-input'), pngFile('sample.png'));
    await waitFor(() => expect(within(photos).getAllByTestId('photo-tile').every((t) => t.dataset.status === 'done')).toBe(true));
    await userEvent.click(within(links).getByRole('button', { name: '删除链接' }));
    expect(screen.queryByTestId('sample-links')).not.toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: '保存修改' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'PATCH')).toBeTruthy());
    expect(calls.find((c) => c.method === 'PATCH')!.body).toEqual({ sample_photos: [], sample_photo_ids: ['p-old', 'p-new'] });
    // The live preview never carried the photos.
    expect(calls.filter((c) => c.path === '/orders/preview').every((c) => !('sample_photo_ids' in (c.body as object)))).toBe(true);
  });

  it('show on the order page as thumbnails to whoever sees the order', async () => {
    mockApi({
      'GET /me': loggedOut,
      'GET /meta/crafts': craftsReply,
      'GET /meta/regions': regionsReply,
      'GET /orders/o9': {
        body: { ...orderFixture, status: 'published', mine: false, role: 'public', actions: visitorCan(), history: undefined, sample_photo_uploads: [photoView('s-1'), photoView('s-2')] },
      },
    });
    renderApp('/orders/o9');
    const card = await screen.findByTestId('sample-photos');
    expect([...card.querySelectorAll('img')].map((i) => i.getAttribute('src'))).toEqual(['/api/v1/uploads/s-1/thumb', '/api/v1/uploads/s-2/thumb']);
    // Each thumbnail opens the full picture.
    expect(within(card).getByRole('link', { name: '样品照片 1（点击看大图）' })).toHaveAttribute('href', '/api/v1/uploads/s-1');
  });
});
