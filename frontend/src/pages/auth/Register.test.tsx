import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { companyMe, craftsReply, loggedOut, mockApi, absent, regionsReply, renderApp } from '../../test/utils';
import { documentsFixture } from '../../test/documents';

const form = () => screen.getByRole('form', { name: '注册' });
const submit = () => within(form()).getByRole('button', { name: '注册' });
/** The antd Form.Item around the input labelled `label`. */
const itemOf = (label: string) => screen.getByLabelText(label).closest('.ant-form-item') as HTMLElement;
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function chooseRegion(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByLabelText('所在地区'));
  await user.click(await screen.findByText('山东省'));
  await user.click(await screen.findByText('滨州市'));
  await user.click(await screen.findByText('滨城区'));
}

async function fillCompany(user: ReturnType<typeof userEvent.setup>) {
  type('姓名', '王经理');
  type('手机号码', '13812345678');
  type('电子邮箱', 'boss@example.com');
  type('密码', 'a-long-password');
  type('企业名称', '滨州巧手制品有限公司');
  type('统一社会信用代码', '91350100M000100Y43');
  await chooseRegion(user);
  type('详细地址', '黄河五路 1 号');
  type('联系人', '王经理');
  type('联系电话', '0543-3212345');
}

describe('register form', () => {
  beforeEach(() => {
    mockApi({ 'GET /me': loggedOut, 'GET /meta/regions': regionsReply, 'GET /meta/crafts': craftsReply });
  });

  it('names every missing required field', async () => {
    renderApp('/register');
    const user = userEvent.setup();
    await screen.findByLabelText('企业名称');
    await user.click(submit());
    for (const msg of ['请填写姓名', '请填写手机号码', '请填写电子邮箱', '请填写密码', '请填写企业名称', '请填写统一社会信用代码', '请选择所在地区', '请填写详细地址']) {
      expect(await screen.findByText(msg)).toBeInTheDocument();
    }
  });

  it('checks the credit code check digit while typing', async () => {
    renderApp('/register');
    const input = await screen.findByLabelText('统一社会信用代码');
    fireEvent.change(input, { target: { value: '91350100m000100y44' } });
    expect(input).toHaveValue('91350100M000100Y44'); // normalised to upper case
    expect(await within(itemOf('统一社会信用代码')).findByText('校验位不正确，请核对是否输错')).toBeInTheDocument();
    fireEvent.change(input, { target: { value: '91350100M000100Y43' } });
    await waitFor(() => expect(within(itemOf('统一社会信用代码')).queryByText(/校验位/)).toBeNull());
    fireEvent.change(input, { target: { value: '9135O' } });
    expect(await within(itemOf('统一社会信用代码')).findByText(/无效字符“O”/)).toBeInTheDocument();
    fireEvent.change(input, { target: { value: '913501' } });
    fireEvent.blur(input);
    expect(await within(itemOf('统一社会信用代码')).findByText(/应为 18 位（当前 6 位）/)).toBeInTheDocument();
  });

  it('shows server field errors on the right fields', async () => {
    const { calls } = mockApi({
      'GET /me': loggedOut,
      'GET /meta/regions': regionsReply,
      'GET /meta/crafts': craftsReply,
      'POST /auth/register': {
        status: 409,
        body: {
          error: {
            code: 'conflict',
            message: '请检查填写的内容',
            fields: { email: '该邮箱已注册', 'org.credit_code': '该统一社会信用代码已注册', 'org.mystery': '神秘字段有误' },
          },
        },
      },
    });
    renderApp('/register');
    const user = userEvent.setup();
    await screen.findByLabelText('企业名称');
    await fillCompany(user);
    await user.click(submit());
    expect(await within(itemOf('电子邮箱')).findByText('该邮箱已注册')).toBeInTheDocument();
    expect(within(itemOf('统一社会信用代码')).getByText('该统一社会信用代码已注册')).toBeInTheDocument();
    expect(within(itemOf('企业名称')).queryByText(/已注册/)).toBeNull();
    const req = calls.find((c) => c.path === '/auth/register');
    expect(req?.body).toEqual({
      email: 'boss@example.com',
      password: 'a-long-password',
      name: '王经理',
      phone: '13812345678',
      org: {
        kind: 'company',
        name: '滨州巧手制品有限公司',
        credit_code: '91350100M000100Y43',
        region_code: '371602',
        address: '黄河五路 1 号',
        contact_name: '王经理',
        contact_phone: '0543-3212345',
      },
    });
    // A message for a field the form does not have goes to the form alert.
    expect(screen.getByRole('alert')).toHaveTextContent('神秘字段有误');
  });

  it('registers a workshop with typed coordinates and crafts', async () => {
    let registered = false;
    const { calls } = mockApi({
      'GET /me': () => (registered ? { body: companyMe } : loggedOut),
      'GET /meta/regions': regionsReply,
      'GET /meta/crafts': craftsReply,
      'POST /auth/register': () => {
        registered = true;
        return { status: 201, body: { user: companyMe.user, org: companyMe.org, token: 't' } };
      },
      'GET /orgs/o1': { body: companyMe.org },
      'GET /orgs/o1/documents': { body: documentsFixture('o1', { business_licence: [] }) },
      'GET /orgs/o1/members': { body: { items: [], total: 0, page: 1, per_page: 100 } },
      'GET /meta/map': absent,
      'GET /notifications/unread-count': { body: { count: 0 } },
    });
    const { router } = renderApp('/register');
    const user = userEvent.setup();
    await user.click((await screen.findByRole('radio', { name: /社区工坊/ })).closest('label')!);
    expect(await screen.findByLabelText('工坊名称')).toBeInTheDocument();
    expect(screen.queryByLabelText('统一社会信用代码')).toBeNull();
    type('姓名', '李主任');
    type('手机号码', '13912345678');
    type('电子邮箱', 'ws@example.com');
    type('密码', 'a-long-password');
    type('工坊名称', '黄河社区巧手坊');
    await chooseRegion(user);
    type('详细地址', '黄河社区活动中心');
    type('所属社区 / 居委会', '黄河社区居委会');
    await user.type(screen.getByLabelText('纬度'), '37.383');
    await user.type(screen.getByLabelText('经度'), '117.97');
    await user.click(screen.getByLabelText('擅长的手工类别'));
    await user.click(await screen.findByText('编织'));
    await user.keyboard('{Escape}');
    await user.type(screen.getByLabelText('参与居民人数'), '25');
    await user.type(screen.getByLabelText('每周产能（件）'), '2000');
    await user.click(submit());
    await waitFor(() => expect(router.state.location.pathname).toBe('/org'));
    const req = calls.find((c) => c.path === '/auth/register');
    expect(req?.body).toMatchObject({
      org: { kind: 'workshop', host: '黄河社区居委会', lat: 37.383, lng: 117.97, crafts: ['weaving'], headcount: 25, weekly_capacity: 2000, region_code: '371602' },
    });
  });
});
