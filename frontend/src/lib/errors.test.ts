import { ApiError } from '../api/client';
import { translate, type TFunction } from '../i18n';
import { errorText } from './errors';

const t: TFunction = (key, vars) => translate('zh', key, vars);

describe('errorText', () => {
  it('gives the field messages, not "please check the fields", when there is no form to show them on', () => {
    const e = new ApiError(400, 'invalid', '请检查填写的内容', { records: '记录的件数合计 1,201 件，超过企业验收合格的 1,000 件，多了 201 件' });
    expect(errorText(e, t)).toBe('记录的件数合计 1,201 件，超过企业验收合格的 1,000 件，多了 201 件');
  });

  it('gives the message of an error without fields, and words for a lost connection', () => {
    expect(errorText(new ApiError(409, 'state', '分配已批准，记录不能再修改'), t)).toBe('分配已批准，记录不能再修改');
    expect(errorText(new ApiError(0, 'network', ''), t)).toBe(translate('zh', 'err.network'));
  });
});
