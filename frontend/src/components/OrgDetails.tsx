import { Descriptions, Grid, Tag } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { Org } from '../api/types';
import { formatDate, useLang, useT } from '../i18n';
import { useCraftNames } from './CraftSelect';
import { streetAddress } from '../lib/address';

/** Read-only facts about an organisation (used by /org and staff views). */
export default function OrgDetails({ org, column }: { org: Org; column?: number }) {
  const t = useT();
  const lang = useLang();
  const craftName = useCraftNames();
  const phone = !Grid.useBreakpoint().sm;
  const items: DescriptionsProps['items'] = [
    { key: 'kind', label: t('field.orgKind'), children: t(`kind.${org.kind}` as const) },
    { key: 'region', label: t('field.region'), children: org.region_name || org.region_code },
    { key: 'address', label: t('field.address'), children: streetAddress(org.address, org.region_name) },
  ];
  if (org.kind === 'company') {
    items.push(
      { key: 'cc', label: t('field.creditCode'), children: <span className="mono">{org.credit_code}</span> },
      { key: 'contact', label: t('field.contactName'), children: org.contact_name },
      { key: 'phone', label: t('field.contactPhone'), children: org.contact_phone },
    );
  } else {
    items.push(
      { key: 'host', label: t('field.host'), children: org.host },
      { key: 'coords', label: t('org.coords'), children: `${org.lat?.toFixed(6)}, ${org.lng?.toFixed(6)}` },
      {
        key: 'crafts',
        label: t('field.crafts'),
        children: (org.crafts ?? []).map((c) => (
          <Tag key={c} color="orange">
            {craftName(c)}
          </Tag>
        )),
      },
      { key: 'headcount', label: t('field.headcount'), children: org.headcount },
      { key: 'capacity', label: t('field.weeklyCapacity'), children: org.weekly_capacity },
    );
  }
  items.push({ key: 'created', label: t('org.createdAt'), children: formatDate(lang, org.created_at) });
  // Phones: label above value, so neither column gets squeezed.
  return (
    <Descriptions
      items={items}
      column={phone ? 1 : (column ?? { xs: 1, sm: 1, md: 2 })}
      layout={phone ? 'vertical' : 'horizontal'}
      bordered={!phone}
      colon={false}
      size="middle"
      className="org-details"
    />
  );
}
