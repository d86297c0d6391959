import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Col, Descriptions, Grid, Row, Space, Steps, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { CheckCircleFilled, EnvironmentOutlined, LockOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useMe } from '../../auth/useMe';
import { useContract } from '../../api/contracts';
import { isApiError } from '../../api/client';
import { CONTRACT_STEPS, type ContractView } from '../../api/types';
import { formatBp, formatFen } from '../../lib/money';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import ContractStatusTag from '../../components/bids/ContractStatusTag';
import WorkshopBadges from '../../components/bids/WorkshopBadges';
import { depositQuoteText } from '../../components/bids/figures';
import { craftName } from '../../components/orders/terms';
import { nextStepText, sideOf } from './contractText';
import { placeText } from '../../lib/address';
import FundingPanel from './money/FundingPanel';
import FulfilmentPanel from './fulfilment/FulfilmentPanel';
import SettlementPanel from './settlement/SettlementPanel';
import '../../i18n/lifecycle';

/** /contracts/:id — the frozen terms of an award, its lifecycle and the next step. */
export default function ContractPage() {
  const t = useT();
  const { id } = useParams();
  const contract = useContract(id);
  if (contract.isPending) return <PageSkeleton />;
  if (contract.isError) {
    if (isApiError(contract.error, 'not_found')) return <ErrorResult status={404} title={t('error.404.title')} text={t('contract.notFound')} />;
    return <LoadError error={contract.error} onRetry={() => void contract.refetch()} />;
  }
  return <ContractView c={contract.data} />;
}

// antd's useBreakpoint is empty on the first render: reading it alone draws the
// phone layout, then remounts every panel (and any half-filled form) as desktop.
function useIsPhone(): boolean {
  const md = Grid.useBreakpoint().md;
  return md === undefined ? !window.matchMedia('(min-width: 768px)').matches : !md;
}

function ContractView({ c }: { c: ContractView }) {
  const t = useT();
  const lang = useLang();
  const me = useMe().data;
  const phone = useIsPhone();
  const side = sideOf(c, me);
  const step = CONTRACT_STEPS.indexOf(c.status);
  const d = c.deposit;
  const [allSteps, setAllSteps] = useState(false);

  const parties: DescriptionsProps['items'] = [
    {
      key: 'company',
      label: t('contract.company'),
      children: (
        <span data-testid="contract-company">
          <Link to={`/profiles/${c.company.id}`}>{c.company.name}</Link>{' '}
          {c.company.verified && (
            <Tag color="success" icon={<CheckCircleFilled />}>
              {t('badge.verified')}
            </Tag>
          )}
        </span>
      ),
    },
    {
      key: 'workshop',
      label: t('contract.workshop'),
      children: (
        <span data-testid="contract-workshop">
          <Link to={`/profiles/${c.workshop.id}`}>{c.workshop.name}</Link> <WorkshopBadges w={c.workshop} />
          {c.workshop.host && <div className="terms-note">{c.workshop.host}</div>}
        </span>
      ),
    },
  ];
  const money: DescriptionsProps['items'] = [
    { key: 'qty', label: t('contract.quantity'), children: t('orders.pieces', { n: c.quantity.toLocaleString() }) },
    { key: 'price', label: t('orders.unitPrice'), children: t('orders.perPiece', { price: formatFen(c.unit_price) }) },
    { key: 'escrow', label: t('contract.escrow'), children: <strong data-testid="contract-escrow">{formatFen(c.escrow_amount)}</strong> },
    {
      key: 'deposit',
      label: t('contract.deposit'),
      children: (
        <span data-testid="contract-deposit">
          {depositQuoteText(d, t)}
          {d.kind !== 'none' && !d.waived && d.amount > 0 && <div className="terms-note">{t('order.depositHeld')}</div>}
        </span>
      ),
    },
    {
      key: 'commission',
      label: t('contract.commission'),
      children: (
        <span data-testid="contract-commission">
          {t('contract.commissionText', { rate: formatBp(c.commission_bp), amount: formatFen(c.commission_estimate) })}
        </span>
      ),
    },
    { key: 'net', label: t('contract.net'), children: <strong data-testid="contract-net">{formatFen(c.workshop_net_estimate)}</strong> },
  ];
  const terms: DescriptionsProps['items'] = [
    { key: 'due', label: t('contract.due'), children: formatDate(lang, c.due_date) },
    {
      key: 'handover',
      label: t('contract.handover'),
      children: (
        <span className="break-all">
          <EnvironmentOutlined /> {placeText(c.handover.region_name, c.handover.address)}
        </span>
      ),
    },
    {
      key: 'materials',
      label: t('order.materials'),
      children: t('order.materialsText', {
        supply: t(`supply.${c.materials.supply}` as const),
        value: formatFen(c.materials.value_per_unit),
        loss: formatBp(c.materials.allowed_loss_bp),
        units: c.materials.allowed_loss_units,
      }),
    },
    {
      key: 'quality',
      label: t('order.quality'),
      children: (
        <div>
          <div className="pre-wrap">{c.quality.criteria}</div>
          <div className="terms-note">
            {t('order.qualityText', { defect: formatBp(c.quality.max_defect_bp), days: c.quality.inspection_days, rounds: c.quality.rework_rounds })}
          </div>
        </div>
      ),
    },
    {
      key: 'order',
      label: t('contract.order'),
      children: <Link to={`/orders/${c.order_id}`}>{t('contract.toOrder')}</Link>,
    },
    { key: 'signed', label: t('contract.signedAt'), children: formatDate(lang, c.created_at, true) },
  ];

  const nextStep = c.next_step !== 'none' && (
    <Alert type={side === 'other' ? 'info' : 'warning'} showIcon data-testid="next-step" message={t('contract.nextStep')} description={nextStepText(c, side, t)} />
  );

  const partiesCard = (
    <Card size="small" title={t('contract.parties')}>
      <Descriptions items={parties} column={1} size="small" colon={false} />
    </Card>
  );
  const termsCard = (
    <Card
      size="small"
      title={
        <span>
          <LockOutlined /> {t('contract.terms')}
        </span>
      }
    >
      <Typography.Paragraph type="secondary" className="terms-note" style={{ marginTop: 0 }}>
        {t('contract.frozen')}
      </Typography.Paragraph>
      <Descriptions items={terms} column={1} layout={phone ? 'vertical' : 'horizontal'} size="small" colon={false} className="order-terms" />
    </Card>
  );
  const moneyCard = (
    <Card size="small" title={t('contract.money')}>
      <Descriptions items={money} column={1} size="small" colon={false} className="contract-money" />
      <Typography.Paragraph type="secondary" className="terms-note" style={{ marginBottom: 0 }}>
        {t('contract.moneyNote')}
      </Typography.Paragraph>
    </Card>
  );

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} className="contract-page">
      <div>
        <Space size={8} wrap align="center" style={{ marginBottom: 4 }}>
          <ContractStatusTag status={c.status} />
          <Tag color="orange">{craftName(c, lang)}</Tag>
        </Space>
        <Typography.Title level={2} className="page-title" style={{ marginBottom: 4 }}>
          {c.title}
        </Typography.Title>
        <Typography.Text type="secondary">{t('contract.number', { id: c.id.slice(0, 8).toUpperCase() })}</Typography.Text>
      </div>

      {/* On a phone the next step comes first and the seven-step progress
          shrinks to the current step, so what to do is on the first screen. */}
      {phone && nextStep}
      {c.status === 'cancelled' ? (
        <Alert type="info" showIcon message={t('contract.cancelled')} />
      ) : c.status === 'lapsed' ? (
        <Alert type="warning" showIcon message={t('contract.lapsed')} />
      ) : phone && !allSteps ? (
        <div className="panel contract-steps-compact" data-testid="contract-step-compact">
          <div className="contract-step-line">
            <span>{t('contract.stepOf', { n: step + 1, total: CONTRACT_STEPS.length })}</span>
            <strong>{t(`contractStatus.${c.status}` as const)}</strong>
          </div>
          <div className="stat-bar" role="progressbar" aria-valuenow={step + 1} aria-valuemin={1} aria-valuemax={CONTRACT_STEPS.length} aria-label={t('contract.progress')}>
            <span style={{ width: `${((step + 1) / CONTRACT_STEPS.length) * 100}%` }} />
          </div>
          <Button type="link" size="small" onClick={() => setAllSteps(true)} style={{ paddingInline: 0 }}>
            {t('contract.allSteps')}
          </Button>
        </div>
      ) : (
        <Card size="small" className="contract-steps">
          <Steps
            size="small"
            direction={phone ? 'vertical' : 'horizontal'}
            labelPlacement={phone ? undefined : 'vertical'}
            current={step}
            status={c.status === 'settled' ? 'finish' : 'process'}
            items={CONTRACT_STEPS.map((s) => ({ title: t(`contractStatus.${s}` as const) }))}
          />
        </Card>
      )}

      {!phone && nextStep}

      {/* The lifecycle, each part in its own folder: paying in and the money
          tab (money/), materials to inspection and disputes (fulfilment/),
          the statement and ratings (settlement/). */}
      <FundingPanel c={c} side={side} />
      <FulfilmentPanel c={c} side={side} />
      <SettlementPanel c={c} side={side} />

      {side === 'workshop' && c.status !== 'cancelled' && c.status !== 'awaiting_funding' && (
        <Card size="small" title={t('contract.ops')}>
          <Space wrap>
            <Link to={`/contracts/${c.id}/pieces`}>
              <Button type="primary" data-testid="to-pieces">
                {t('contract.toPieces')}
              </Button>
            </Link>
            <Link to={`/contracts/${c.id}/distribution`}>
              <Button data-testid="to-distribution">{t('contract.toDistribution')}</Button>
            </Link>
          </Space>
        </Card>
      )}

      {phone ? (
        <>
          {partiesCard}
          {moneyCard}
          {termsCard}
        </>
      ) : (
        <Row gutter={[16, 16]}>
          <Col lg={14} md={24}>
            <Space direction="vertical" size={16} style={{ width: '100%' }}>
              {partiesCard}
              {termsCard}
            </Space>
          </Col>
          <Col lg={10} md={24}>
            {moneyCard}
          </Col>
        </Row>
      )}
    </Space>
  );
}
