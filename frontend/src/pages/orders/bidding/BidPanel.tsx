import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { Alert, Button, Card, Divider, Typography } from 'antd';
import { LoginOutlined, MailOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../../i18n';
import type { Me, OrderDetail } from '../../../api/types';
import BidForm from './BidForm';
import MyBidCard from './MyBidCard';
import { biddingOpen } from './bidForm';

/** The bidding side of the order page for workshops (and a sign-in prompt for visitors). */
export default function BidPanel({ order: o, me }: { order: OrderDetail; me: Me | null | undefined }) {
  const t = useT();
  const lang = useLang();
  const loc = useLocation();
  const navigate = useNavigate();
  const [revising, setRevising] = useState(false);
  const open = biddingOpen(o);

  if (!me) {
    if (!open) return null;
    return (
      <Card size="small" title={t('bid.formTitle')} className="bid-panel" id="bid-panel">
        <Typography.Paragraph>{t('bid.signInText')}</Typography.Paragraph>
        <Button type="primary" icon={<LoginOutlined />} onClick={() => navigate(`/login?next=${encodeURIComponent(loc.pathname)}`)}>
          {t('bid.signIn')}
        </Button>
      </Card>
    );
  }
  if (me.org?.kind !== 'workshop' || o.mine) return null;

  const bid = o.my_bid ?? null;
  // The minimum wage that applies is the workshop's province's (the API judges it there too).
  const province = me.org.region_name.split(/\s+/)[0] || o.totals.min_wage_province;
  const active = bid && (bid.status === 'submitted' || bid.status === 'accepted');
  const closedText =
    o.status === 'published' && o.remaining_quantity > 0 ? t('bid.deadlinePassed', { date: formatDate(lang, o.bidding_deadline, true) }) : t('bid.notTaking');

  return (
    <Card size="small" title={bid && active ? t('bid.section') : t('bid.formTitle')} className="bid-panel" data-testid="bid-panel" id="bid-panel">
      {o.invited && (
        <Alert
          type="info"
          showIcon
          icon={<MailOutlined />}
          data-testid="invited-banner"
          message={t('bid.invited')}
          description={t('bid.invitedText', { company: o.company.name })}
          style={{ marginBottom: 12 }}
        />
      )}
      {bid && !(revising && bid.status === 'submitted') && (
        <MyBidCard bid={bid} order={o} editable={open} onRevise={() => setRevising(true)} />
      )}
      {bid && revising && bid.status === 'submitted' && open && (
        <BidForm order={o} bid={bid} province={province} onDone={() => setRevising(false)} onCancel={() => setRevising(false)} />
      )}
      {!active && open && (
        <>
          {bid && <Divider plain>{t('bid.again')}</Divider>}
          <BidForm order={o} province={province} />
        </>
      )}
      {!open && bid?.status !== 'accepted' && (
        <Alert type="warning" showIcon data-testid="bidding-closed" message={t('bid.closed')} description={closedText} style={bid ? { marginTop: 12 } : undefined} />
      )}
    </Card>
  );
}
