import { Radio, Typography } from 'antd';
import { ShopOutlined, TeamOutlined } from '@ant-design/icons';
import type { OrgKind } from '../../api/types';
import { useT } from '../../i18n';

interface Props {
  id?: string;
  value?: OrgKind;
  onChange?: (v: OrgKind) => void;
}

/** Company or workshop: two large radio cards (keyboard: arrow keys). */
export default function KindChoice({ id, value, onChange }: Props) {
  const t = useT();
  const option = (kind: OrgKind, icon: React.ReactNode, help: string) => (
    <Radio.Button value={kind} className="kind-option">
      <span className="kind-option-title">
        {icon} {t(`kind.${kind}` as const)}
      </span>
      <Typography.Text type="secondary" className="kind-option-help">
        {help}
      </Typography.Text>
    </Radio.Button>
  );
  return (
    <Radio.Group id={id} value={value} onChange={(e) => onChange?.(e.target.value as OrgKind)} className="kind-choice">
      {option('company', <ShopOutlined />, t('register.companyHelp'))}
      {option('workshop', <TeamOutlined />, t('register.workshopHelp'))}
    </Radio.Group>
  );
}
