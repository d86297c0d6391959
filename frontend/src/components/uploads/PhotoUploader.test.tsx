import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import PhotoUploader from './PhotoUploader';
import PhotoViewer from './PhotoViewer';
import { photoIds, type PhotoFile } from './photos';
import { fakeUploads, photoView, pngFile } from '../../test/fulfilment';

function Harness({ seen }: { seen: (ids: string[]) => void }) {
  const [files, setFiles] = useState<PhotoFile[]>([]);
  return (
    <PhotoUploader
      value={files}
      onChange={(f) => {
        setFiles(f);
        seen(photoIds(f));
      }}
      max={2}
    />
  );
}

describe('photo uploader', () => {
  it('checks type and size before sending, uploads with progress, shows the thumbnail and removes', async () => {
    // Keep the file pickers from filtering by accept=…, to exercise the check.
    const user = userEvent.setup({ applyAccept: false });
    const { sent } = fakeUploads((n) => (n === 1 ? { status: 201, body: photoView('p-1') } : { status: 422, body: { error: { code: 'invalid', message: '无法识别的图片格式' } } }));
    let ids: string[] = [];
    render(<Harness seen={(x) => (ids = x)} />);
    const input = screen.getByTestId('photo-input');

    await user.upload(input, new File(['%PDF'], 'scan.pdf', { type: 'application/pdf' }));
    expect(screen.getByRole('alert')).toHaveTextContent('scan.pdf: 只能上传 JPG、PNG 或 WebP 图片');
    await user.upload(input, pngFile('huge.png', 5 * 1024 * 1024 + 1));
    expect(screen.getByRole('alert')).toHaveTextContent('huge.png: 图片不能超过 5 MB');
    expect(sent).toHaveLength(0);

    await user.upload(input, pngFile('goods.png'));
    const tile = screen.getByTestId('photo-tile');
    expect(await within(tile).findByRole('progressbar')).toBeInTheDocument();
    await waitFor(() => expect(tile).toHaveAttribute('data-status', 'done'));
    expect(tile.querySelector('img')).toHaveAttribute('src', '/api/v1/uploads/p-1/thumb');
    expect(ids).toEqual(['p-1']);
    expect(sent[0].get('file')).toBeInstanceOf(File);

    // The server refuses the second one: it disappears with the server's reason.
    await user.upload(input, pngFile('fake.png'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('fake.png: 无法识别的图片格式'));
    expect(screen.getAllByTestId('photo-tile')).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: '删除第 1 张照片' }));
    expect(screen.queryByTestId('photo-tile')).not.toBeInTheDocument();
    expect(ids).toEqual([]);
  });

  it('refuses more than the maximum', async () => {
    const user = userEvent.setup();
    fakeUploads((n) => ({ status: 201, body: photoView(`p-${n}`) }));
    render(<Harness seen={() => {}} />);
    await user.upload(screen.getByTestId('photo-input'), [pngFile('a.png'), pngFile('b.png'), pngFile('c.png')]);
    expect(screen.getByRole('alert')).toHaveTextContent('最多 2 张照片');
    expect(screen.getAllByTestId('photo-tile')).toHaveLength(2);
    await waitFor(() => expect(screen.getAllByTestId('photo-tile').every((t) => t.dataset.status === 'done')).toBe(true));
    expect(screen.queryByTestId('photo-add')).not.toBeInTheDocument();
  });

  it('shows thumbnails that open the full image', () => {
    const { container } = render(<PhotoViewer photos={[photoView('a'), photoView('b')]} />);
    const thumbs = container.querySelectorAll('img');
    expect(thumbs).toHaveLength(2);
    expect(thumbs[0]).toHaveAttribute('src', '/api/v1/uploads/a/thumb');
  });
});
