import type { HTMLAttributes } from 'react';
import { Card, List, Table, Tag, Typography } from 'antd';
import { useT, type TFunction } from '../../i18n';
import { formatFen } from '../../lib/money';
import type { ImpactChange, ImpactGroup, ImpactPeriod } from '../../api/types';

// The public impact figures come per closed month; a hidden figure is null
// with a reason, worded here as it is: fewer than k people, or hidden so a
// smaller group cannot be worked out by subtraction.

export type HiddenReason = NonNullable<ImpactChange['hidden']>;

export function hiddenText(t: TFunction, reason: HiddenReason | undefined, k: number): string {
  return t(`impact.hidden.${reason ?? 'hidden_for_privacy'}` as 'impact.hidden.hidden_for_privacy', { k });
}

const signed = (n: number, text: string) => `${n < 0 ? '−' : '+'}${text}`;

/** "+3 residents · +¥1,234.00", or why the change is not shown. */
export function changeText(t: TFunction, c: ImpactChange, k: number): string {
  if (!c.change) return hiddenText(t, c.change_hidden, k);
  const { residents, income } = c.change;
  return `${signed(residents, t('impact.residentsN', { n: Math.abs(residents) }))} · ${signed(income, formatFen(Math.abs(income)))}`;
}

/** The months as the chart draws them: hidden months are gaps. */
export function chartGroups(periods: ImpactPeriod[]): ImpactGroup[] {
  return periods.map((p) => ({
    key: p.month,
    residents: p.total.value?.residents ?? 0,
    pieces: p.total.value?.pieces ?? 0,
    income: p.total.value?.income ?? 0,
    suppressed: !p.total.value,
  }));
}

/** One row per closed month, newest first. */
export function PeriodTable({ periods, k }: { periods: ImpactPeriod[]; k: number }) {
  const t = useT();
  const hidden = (p: ImpactPeriod) => <Tag data-testid="impact-hidden">{hiddenText(t, p.total.hidden, k)}</Tag>;
  return (
    <Card size="small" title={t('impact.byMonth')}>
      <Table<ImpactPeriod>
        size="small"
        rowKey="month"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={[...periods].reverse()}
        onRow={(p) => ({ 'data-testid': `period-${p.month}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('impact.month'), dataIndex: 'month' },
          {
            title: t('impact.residents'),
            render: (_, p) => (p.total.value ? p.total.value.residents : hidden(p)),
            onCell: (p) => ({ colSpan: p.total.value ? 1 : 3 }),
          },
          { title: t('impact.pieces'), render: (_, p) => p.total.value?.pieces.toLocaleString(), onCell: (p) => ({ colSpan: p.total.value ? 1 : 0 }) },
          { title: t('impact.income'), render: (_, p) => p.total.value && formatFen(p.total.value.income), onCell: (p) => ({ colSpan: p.total.value ? 1 : 0 }) },
          {
            title: t('impact.change'),
            render: (_, p) =>
              p.total.value && (p.total.change ? changeText(t, p.total, k) : <Typography.Text type="secondary">{changeText(t, p.total, k)}</Typography.Text>),
          },
        ]}
      />
    </Card>
  );
}

/** A month's groups (crafts, consented groups, workshops) with their changes. */
export function ChangeList({ title, items, name, k }: { title: string; items: ImpactChange[]; name: (key: string) => string; k: number }) {
  const t = useT();
  return (
    <Card size="small" title={title}>
      <List
        size="small"
        dataSource={items}
        locale={{ emptyText: t('impact.none') }}
        renderItem={(g) => (
          <List.Item data-testid={`group-${g.key}`}>
            <Typography.Text>{name(g.key)}</Typography.Text>
            {g.value ? (
              <span style={{ textAlign: 'right' }}>
                {t('impact.residentsN', { n: g.value.residents })} · {g.value.pieces.toLocaleString()} · <strong>{formatFen(g.value.income)}</strong>
                <br />
                <Typography.Text type="secondary">
                  {t('impact.change')}: {changeText(t, g, k)}
                </Typography.Text>
              </span>
            ) : (
              <Tag>{hiddenText(t, g.hidden, k)}</Tag>
            )}
          </List.Item>
        )}
      />
    </Card>
  );
}
