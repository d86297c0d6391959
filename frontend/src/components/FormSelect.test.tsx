import { render, screen, waitFor } from '@testing-library/react';
import { Form } from 'antd';
import { Providers } from '../App';
import { makeQueryClient } from '../api/queryClient';
import { mockApi, regionsReply } from '../test/utils';
import FormSelect from './FormSelect';
import RegionCascader from './RegionCascader';

// antd copies Form.Item's aria-required onto a Select's wrapper <div> too,
// where it is not allowed (axe: aria-allowed-attr, critical).
describe('a required select', () => {
  it('says so on its combobox, not on its wrapper', async () => {
    mockApi({ 'GET /meta/regions': regionsReply });
    const { container } = render(
      <Providers queryClient={makeQueryClient()}>
        <Form>
          <Form.Item label="原因" name="reason" rules={[{ required: true }]}>
            <FormSelect options={[{ value: 'a', label: '甲' }]} />
          </Form.Item>
          <Form.Item label="地区" name="region" rules={[{ required: true }]}>
            <RegionCascader />
          </Form.Item>
          <Form.Item label="备注" name="note">
            <FormSelect options={[]} />
          </Form.Item>
        </Form>
      </Providers>,
    );
    await waitFor(() => expect(screen.getByRole('combobox', { name: '原因' })).toHaveAttribute('aria-required', 'true'));
    expect(screen.getByRole('combobox', { name: '地区' })).toHaveAttribute('aria-required', 'true');
    expect(screen.getByRole('combobox', { name: '备注' })).not.toHaveAttribute('aria-required');
    expect(container.querySelectorAll('.ant-select[aria-required], .ant-cascader[aria-required]')).toHaveLength(0);
  });
});
