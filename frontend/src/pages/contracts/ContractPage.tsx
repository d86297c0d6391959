import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Button, Card, Col, Descriptions, Grid, Row, Space, Steps, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import { CheckCircleFilled, EnvironmentOutlined, LockOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { useContract } from '../../api/contracts';
import { useTimeline } from '../../api/fulfilment';
import { isApiError } from '../../api/client';
import type { ContractView } from '../../api/types';
import { formatBp, formatFen } from '../../lib/money';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import ContractStatusTag from '../../components/bids/ContractStatusTag';
import WorkshopBadges from '../../components/bids/WorkshopBadges';
import { depositQuoteText } from '../../components/bids/figures';
import { craftName } from '../../components/orders/terms';
import { sideOf } from './contractText';
import NextStepBanner from './NextStepBanner';
import Fold from '../../components/Fold';
import type { Action } from './fulfilment/Actions';
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

/** Scrolls a section into view (the banner's button for steps done in a panel). */
function scrollTo(id: string) {
  document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
}

function ContractView({ c }: { c: ContractView }) {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const phone = useIsPhone();
  const side = sideOf(c);
  const step = c.path_step;
  const d = c.deposit;
  const [allSteps, setAllSteps] = useState(false);
  // The fulfilment dialog open now: the panel's buttons and the banner's both open it.
  const [action, setAction] = useState<Action | null>(null);
  const tl = useTimeline(c.id, c.stage !== 'funding');
  const act = (what: string, ref?: string) => {
    const dl = tl.data?.deliveries.find((x) => x.id === ref);
    const sent = tl.data?.dispatches.find((x) => x.id === ref);
    switch (what) {
      case 'fund':
      case 'pay_deposit':
        return scrollTo('payin');
      case 'agree_cancel':
        return scrollTo('cancel');
      case 'rate':
        return scrollTo('rate');
      case 'distribute':
        return navigate(`/contracts/${c.id}/distribution`);
      case 'decide_dispute':
        return navigate(`/disputes/${ref ?? ''}`);
      case 'dispatch':
        return setAction({ kind: 'dispatch' });
      case 'deliver':
        return setAction({ kind: 'deliver' });
      case 'receive':
        return sent ? setAction({ kind: 'receive', dispatch: sent }) : scrollTo('fulfilment');
      case 'inspect':
        return dl ? setAction({ kind: 'inspect', delivery: dl }) : scrollTo('fulfilment');
      case 'deliver_rework':
        return dl ? setAction({ kind: 'deliver', reworkOf: dl }) : scrollTo('fulfilment');
    }
  };

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

  const nextStep = <NextStepBanner c={c} onAct={act} />;

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
        <Typography.Title level={1} className="page-title" style={{ marginBottom: 4 }}>
          {c.title}
        </Typography.Title>
        <Typography.Text type="secondary">{t('contract.number', { id: c.id.slice(0, 8).toUpperCase() })}</Typography.Text>
      </div>

      {/* What to do now comes first, with its button; on a phone the
          seven-step progress shrinks to the current step and the details
          below fold away, so the action is on the first screen. */}
      {nextStep}
      {c.stage === 'ended' ? null : phone && !allSteps ? (
        <div className="panel contract-steps-compact" data-testid="contract-step-compact">
          <div className="contract-step-line">
            <span>{t('contract.stepOf', { n: step + 1, total: c.path.length })}</span>
            <strong>{t(`contractStatus.${c.status}` as const)}</strong>
          </div>
          <div className="stat-bar" role="progressbar" aria-valuenow={step + 1} aria-valuemin={1} aria-valuemax={c.path.length} aria-label={t('contract.progress')}>
            <span style={{ width: `${((step + 1) / c.path.length) * 100}%` }} />
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
            status={c.stage === 'settled' ? 'finish' : 'process'}
            items={c.path.map((s) => ({ title: t(`contractStatus.${s}` as const) }))}
          />
        </Card>
      )}

      {/* The lifecycle, each part in its own folder: paying in and the money
          tab (money/), materials to inspection and disputes (fulfilment/),
          the statement and ratings (settlement/). */}
      <FundingPanel c={c} side={side} phone={phone} />
      <FulfilmentPanel c={c} side={side} phone={phone} action={action} setAction={setAction} />
      <SettlementPanel c={c} side={side} />

      {c.actions.record_pieces.allowed && (
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
          <Fold phone title={t('contract.parties')} testId="fold-parties">
            {partiesCard}
          </Fold>
          <Fold phone title={t('contract.money')} testId="fold-contract-money">
            {moneyCard}
          </Fold>
          <Fold phone title={t('contract.terms')} testId="fold-terms">
            {termsCard}
          </Fold>
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
