import { Link } from 'react-router';
import { Button, Card, Empty, Space, Tag, Timeline as AntTimeline, Typography } from 'antd';
import { ClockCircleOutlined, PhoneOutlined } from '@ant-design/icons';
import type { ContractView } from '../../../api/types';
import type { Contact, DeliveryView, DispatchView, Quantities, Timeline, TimelineEvent } from '../../../api/fulfilment';
import { formatDate, useLang, useT, type MessageKey } from '../../../i18n';
import { formatFen } from '../../../lib/money';
import { msgText } from '../../../lib/msg';
import PhotoViewer from '../../../components/uploads/PhotoViewer';
import { nextStepText, type Side } from '../contractText';
import { countdownText } from './forms';
import type { Action } from './Actions';

/** Who acts next, what, and by when with a countdown (the server's next step). */
export function NextAction({ tl, c, now }: { tl: Timeline; c: ContractView; now: number }) {
  const t = useT();
  const lang = useLang();
  const n = tl.next;
  if (n.who === 'none') return null;
  const due = n.due_at ? countdownText(t, n.due_at, now) : null;
  return (
    <div className={`ful-next ${n.who === 'you' ? 'you' : ''}`} data-testid="ful-next">
      <div className="ful-next-who">{nextStepText({ ...c, next: n }, t, lang)}</div>
      {n.due_at && due && (
        <div className={`ful-next-due ${due.overdue ? 'overdue' : due.soon ? 'soon' : ''}`} data-testid="ful-countdown">
          <ClockCircleOutlined /> {t('ful.next.by', { date: formatDate(lang, n.due_at, true) })} · <strong>{due.text}</strong>
        </div>
      )}
    </div>
  );
}

const SEGMENTS = [
  ['accepted', 'ful-seg-accepted'],
  ['awaiting_inspection', 'ful-seg-waiting'],
  ['in_rework', 'ful-seg-rework'],
  ['disputed', 'ful-seg-disputed'],
  ['rejected', 'ful-seg-rejected'],
] as const;

/** The pieces so far as one stacked bar (of the contract quantity) and figures. */
export function QuantityBar({ q }: { q: Quantities }) {
  const t = useT();
  const total = Math.max(q.contract, 1);
  const pct = (n: number) => `${Math.min(100, (n / total) * 100)}%`;
  // Floor to a tenth: 3,995 of 4,000 is 99.8 %, never "100 %" before it is.
  const accepted = Math.floor((q.accepted / total) * 1000) / 10;
  return (
    <div className="ful-quantities" data-testid="ful-quantities">
      <div className="ful-bar-head">
        <span>{t('ful.q.progress')}</span>
        <strong>{t('ful.q.acceptedOf', { n: q.accepted.toLocaleString(), total: q.contract.toLocaleString(), pct: accepted })}</strong>
      </div>
      <div className="ful-bar" role="img" aria-label={t('ful.q.barLabel', { accepted: q.accepted, total: q.contract })}>
        {SEGMENTS.map(([k, cls]) => (q[k] > 0 ? <span key={k} className={cls} style={{ width: pct(q[k]) }} /> : null))}
      </div>
      <ul className="ful-legend">
        {SEGMENTS.map(([k, cls]) => (
          <li key={k} data-testid={`q-${k}`}>
            <i className={cls} /> {t(`ful.q.${k}` as MessageKey)} <strong>{q[k].toLocaleString()}</strong>
          </li>
        ))}
      </ul>
      <dl className="ful-figures">
        <div data-testid="q-material" className="ful-wide">
          <dt>{t('ful.q.material')}</dt>
          <dd>{t('ful.q.materialText', { sent: q.dispatched, received: q.received, returned: q.returned })}</dd>
        </div>
        <div data-testid="q-delivered">
          <dt>{t('ful.q.delivered')}</dt>
          <dd>{t('ful.pcs', { n: q.delivered.toLocaleString() })}</dd>
        </div>
        <div data-testid="q-released">
          <dt>{t('ful.q.released')}</dt>
          <dd>{formatFen(q.released_amount)}</dd>
        </div>
      </dl>
    </div>
  );
}

/** Who to call on the other side (both for staff). */
export function Contacts({ tl, side }: { tl: Timeline; side: Side }) {
  const t = useT();
  const show = (who: 'company' | 'workshop', p: Contact) => (
    <div key={who} className="ful-contact" data-testid={`contact-${who}`}>
      <Typography.Text type="secondary">{t(`ful.contact.${who}`)}</Typography.Text> <strong>{p.org_name}</strong>
      {p.name && <span> · {p.name}</span>}
      {p.phone && (
        <a href={`tel:${p.phone.replace(/[^\d+]/g, '')}`} className="ful-phone">
          <PhoneOutlined /> {p.phone}
        </a>
      )}
    </div>
  );
  return (
    <div className="ful-contacts">
      {side !== 'company' && show('company', tl.company)}
      {side !== 'workshop' && show('workshop', tl.workshop)}
    </div>
  );
}

/** Shipments of material and their receipts. */
export function Dispatches({ tl, act }: { tl: Timeline; act: (a: Action) => void }) {
  const t = useT();
  const lang = useLang();
  if (tl.dispatches.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ful.materials.none')} />;
  return (
    <ul className="ful-items">
      {tl.dispatches.map((d: DispatchView) => {
        const short = d.received_quantity != null && d.received_quantity < d.quantity;
        return (
          <li key={d.id} className="ful-item" data-testid="dispatch-item">
            <div className="ful-item-head">
              <strong>{t('ful.materials.item', { n: d.seq, qty: d.quantity.toLocaleString() })}</strong>
              {d.received_at == null ? (
                <Tag color="processing">{t('ful.materials.inTransit')}</Tag>
              ) : short ? (
                <Tag color="warning">{t('ful.materials.short', { n: d.quantity - (d.received_quantity ?? 0) })}</Tag>
              ) : (
                <Tag color="success">{t('ful.materials.received')}</Tag>
              )}
            </div>
            <div className="ful-item-meta">
              {dispatchHow(d, t)} · {formatDate(lang, d.dispatched_at, true)}
            </div>
            {d.note && <div className="pre-wrap ful-note">{d.note}</div>}
            {d.received_at && (
              <div className="ful-item-sub">
                {t('ful.materials.receivedText', { n: (d.received_quantity ?? 0).toLocaleString(), date: formatDate(lang, d.received_at, true) })}
                {d.shortfall_note && <div className="pre-wrap ful-note">{d.shortfall_note}</div>}
                <PhotoViewer photos={d.photos} />
              </div>
            )}
            {d.actions.receive.allowed && (
              <Button type="primary" onClick={() => act({ kind: 'receive', dispatch: d })} data-testid="ful-receive">
                {t('ful.receive.button')}
              </Button>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** How a shipment travels, as the dispatch recorded it. */
function dispatchHow(d: DispatchView, t: ReturnType<typeof useT>): string {
  if (d.method === 'pickup') return t('ful.method.pickup');
  if (d.method === 'company_delivery') return t('ful.method.companyText', { driver: d.driver, phone: d.driver_phone });
  return `${d.carrier} ${d.tracking_no}`;
}

const STATUS_COLOR: Record<DeliveryView['status'], string> = {
  submitted: 'processing',
  accepted: 'success',
  auto_accepted: 'success',
  disputed: 'purple',
  resolved: 'default',
};

/** Deliveries, their inspections, rejections with photos, disputes. */
export function Deliveries({ tl, act, now }: { tl: Timeline; act: (a: Action) => void; now: number }) {
  const t = useT();
  const lang = useLang();
  if (tl.deliveries.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('ful.deliveries.none')} />;
  const seqOf = (id: string | null) => tl.deliveries.find((d) => d.id === id)?.seq;
  return (
    <ul className="ful-items">
      {tl.deliveries.map((d) => {
        const inspectDue = d.status === 'submitted' ? countdownText(t, d.inspect_due_at, now) : null;
        const canDispute = d.actions.dispute.allowed;
        return (
          <li key={d.id} className="ful-item" data-testid="delivery-item">
            <div className="ful-item-head">
              <strong>
                {d.rework_of ? t('ful.deliveries.rework', { n: d.seq, of: seqOf(d.rework_of) ?? '?' }) : t('ful.deliveries.item', { n: d.seq })}
                {' · '}
                {t('ful.pcs', { n: d.quantity.toLocaleString() })}
              </strong>
              <Tag color={STATUS_COLOR[d.status]} data-testid="delivery-status">
                {t(`ful.dstatus.${d.status}` as MessageKey)}
              </Tag>
            </div>
            <div className="ful-item-meta">{t('ful.deliveries.submitted', { date: formatDate(lang, d.submitted_at, true) })}</div>
            {d.note && <div className="pre-wrap ful-note">{d.note}</div>}
            <PhotoViewer photos={d.photos} />
            {inspectDue && (
              <div className={`ful-next-due ${inspectDue.overdue ? 'overdue' : inspectDue.soon ? 'soon' : ''}`}>
                <ClockCircleOutlined /> {t('ful.deliveries.inspectBy', { date: formatDate(lang, d.inspect_due_at, true) })} · {inspectDue.text}
                <div className="terms-note">{t('ful.deliveries.autoAccept')}</div>
              </div>
            )}
            {d.accepted != null && (
              <div className="ful-item-sub" data-testid="inspection">
                <Space size={[6, 4]} wrap>
                  <Tag color="success">{t('ful.deliveries.accepted', { n: d.accepted })}</Tag>
                  {(d.rejected ?? 0) > 0 && <Tag color="error">{t('ful.deliveries.rejected', { n: d.rejected ?? 0 })}</Tag>}
                  {(d.rework ?? 0) > 0 && <Tag color="warning">{t('ful.deliveries.reworkN', { n: d.rework ?? 0, left: d.rework_left })}</Tag>}
                  {d.inspected_at && (
                    <Typography.Text type="secondary">
                      {t(d.status === 'auto_accepted' ? 'ful.deliveries.autoAt' : 'ful.deliveries.inspectedAt', { date: formatDate(lang, d.inspected_at, true) })}
                    </Typography.Text>
                  )}
                </Space>
                {d.rejections.map((r, i) => (
                  <div key={i} className="ful-rejection" data-testid="rejection">
                    <div>
                      <Tag color="error">{t('ful.pcs', { n: r.quantity })}</Tag> {r.reason}
                    </div>
                    <PhotoViewer photos={r.photos} />
                  </div>
                ))}
              </div>
            )}
            {d.dispute && (
              <div className="ful-item-sub ful-dispute-line" data-testid="delivery-dispute">
                <Tag color={d.dispute.status === 'open' ? 'purple' : 'default'}>
                  {t(d.dispute.status === 'open' ? 'ful.dispute.open' : 'ful.dispute.resolved', { n: d.dispute.units, accepted: d.dispute.decided_accepted ?? 0 })}
                </Tag>
                <Link to={`/disputes/${d.dispute.id}`} data-testid="to-dispute">
                  {d.dispute.actions.resolve.allowed ? t('ful.dispute.decide') : t('ful.dispute.view')}
                </Link>
              </div>
            )}
            {!d.dispute && canDispute && d.dispute_due_at && (
              <div className="terms-note">{t('ful.dispute.window', { date: formatDate(lang, d.dispute_due_at, true) })}</div>
            )}
            <Space wrap className="ful-item-actions">
              {d.actions.inspect.allowed && (
                <Button type="primary" onClick={() => act({ kind: 'inspect', delivery: d })} data-testid="ful-inspect">
                  {t('ful.inspect.button')}
                </Button>
              )}
              {d.actions.deliver_rework.allowed && (
                <Button type="primary" onClick={() => act({ kind: 'deliver', reworkOf: d })} data-testid="ful-rework">
                  {t('ful.deliver.reworkButton', { n: d.rework_left })}
                </Button>
              )}
              {canDispute && (
                <Button danger onClick={() => act({ kind: 'dispute', delivery: d })} data-testid="ful-dispute">
                  {t('ful.dispute.button')}
                </Button>
              )}
            </Space>
          </li>
        );
      })}
    </ul>
  );
}

const BY_COLOR: Record<TimelineEvent['by'], string> = { company: 'blue', workshop: 'orange', staff: 'purple', system: 'gray' };

/** What happened, newest first. */
export function History({ tl }: { tl: Timeline }) {
  const t = useT();
  const lang = useLang();
  const events = [...tl.events].reverse();
  return (
    <Card size="small" title={t('ful.history.title')} data-testid="ful-history">
      <AntTimeline
        items={events.map((e, i) => {
          const note = e.note || msgText(e.why, lang); // what a person wrote, or why the contract ended
          return {
            key: i,
            color: BY_COLOR[e.by],
            children: (
              <div className="ful-event" data-testid="ful-event">
                <div>
                  {t(`ful.ev.${e.kind}` as MessageKey, { n: e.quantity.toLocaleString(), amount: formatFen(e.amount) })}
                  {note && <span className="ful-event-note"> · {note}</span>}
                </div>
                <Typography.Text type="secondary" className="ful-event-time">
                  {t(`ful.by.${e.by}` as MessageKey)} · {formatDate(lang, e.at, true)}
                </Typography.Text>
              </div>
            ),
          };
        })}
      />
    </Card>
  );
}
