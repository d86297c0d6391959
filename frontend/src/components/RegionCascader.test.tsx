import { useState } from 'react';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Providers } from '../App';
import { makeQueryClient } from '../api/queryClient';
import { mockApi, regionsReply } from '../test/utils';
import RegionCascader from './RegionCascader';

function Picker({ initial }: { initial?: string }) {
  const [code, setCode] = useState(initial);
  return (
    <>
      <label htmlFor="region">所在地区</label>
      <RegionCascader id="region" value={code} onChange={setCode} />
      <output>{code ?? '未选'}</output>
    </>
  );
}

function setup(initial?: string) {
  const { calls } = mockApi({ 'GET /meta/regions': regionsReply });
  render(
    <Providers queryClient={makeQueryClient()}>
      <Picker initial={initial} />
    </Providers>,
  );
  // Which parts of the tree were asked for ("" the provinces).
  const asked = () => calls.filter((c) => c.path === '/meta/regions').map((c) => c.query.toString());
  return { user: userEvent.setup(), asked };
}

describe('region picker', () => {
  it('loads the provinces, then only the province that is opened', async () => {
    const { user, asked } = setup();
    await user.click(screen.getByLabelText('所在地区'));
    await user.click(await screen.findByText('山东省'));
    await user.click(await screen.findByText('滨州市'));
    await user.click(await screen.findByText('滨城区'));
    expect(screen.getByRole('status')).toHaveTextContent('371602');
    expect(asked()).toEqual(['', 'parent=370000']);
  });

  it('finds a district by name on the server and shows its whole path', async () => {
    const { user, asked } = setup();
    await user.type(screen.getByLabelText('所在地区'), '滨城');
    await user.click(await screen.findByText((_, el) => el?.classList.contains('ant-cascader-menu-item-content') === true && /滨城区/.test(el.textContent ?? '')));
    expect(screen.getByRole('status')).toHaveTextContent('371602');
    expect(await screen.findByTitle('山东省 / 滨州市 / 滨城区')).toBeInTheDocument();
    expect(asked()).toContain('q=%E6%BB%A8%E5%9F%8E');
    expect(asked()).not.toContain('parent=110000');
  });

  it("shows a saved value's path, loading only its province", async () => {
    const { asked } = setup('371602');
    expect(await screen.findByTitle('山东省 / 滨州市 / 滨城区')).toBeInTheDocument();
    await waitFor(() => expect(asked()).toEqual(['', 'parent=370000']));
  });
});
