import { useState } from 'react';
import { Alert, Card, Divider } from 'antd';
import { MailOutlined } from '@ant-design/icons';
import { useLang } from '../../../i18n';
import { useOrdersT } from '../../../i18n/orders';
import type { Me, OrderDetail } from '../../../api/types';
import { reasonText } from '../../../lib/permissions';
import BidForm from './BidForm';
import MyBidCard from './MyBidCard';
import SignInToBid from './SignInToBid';

/** The bidding side of the order page for workshops (and a sign-in prompt for
 *  visitors). What the workshop may do comes from the server: the order's
 *  `actions.bid`, and its own bid's `actions.revise` / `withdraw`. */
export default function BidPanel({ order: o, me }: { order: OrderDetail; me: Me | null | undefined }) {
  const t = useOrdersT();
  const lang = useLang();
  const [revising, setRevising] = useState(false);

  // A visitor sees only public orders: the server asks them to sign in to bid.
  if (!me) return <SignInToBid />;
  if (me.org?.kind !== 'workshop' || o.mine) return null;

  const bid = o.my_bid ?? null;
  // The minimum wage that applies is the workshop's province's (the API judges it there too).
  const province = me.org.region_name.split(/\s+/)[0] || o.totals.min_wage_province;
  const canBid = o.actions.bid.allowed;
  const reviseOpen = !!bid && revising && bid.actions.revise.allowed;
  // The workshop's bid still stands (open, or won with a contract): it is the panel's subject.
  const standing = !!bid && (bid.actions.withdraw.allowed || bid.actions.revise.allowed || !!bid.contract_id);

  return (
    <Card size="small" title={standing ? t('bid.section') : t('bid.formTitle')} className="bid-panel" data-testid="bid-panel" id="bid-panel">
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
      {bid && !reviseOpen && <MyBidCard bid={bid} order={o} onRevise={() => setRevising(true)} />}
      {bid && reviseOpen && <BidForm order={o} bid={bid} province={province} onDone={() => setRevising(false)} onCancel={() => setRevising(false)} />}
      {canBid && (
        <>
          {bid && <Divider plain>{t('bid.again')}</Divider>}
          <BidForm order={o} province={province} />
        </>
      )}
      {!canBid && !standing && (
        <Alert type="warning" showIcon data-testid="bidding-closed" message={reasonText(o.actions.bid, lang) || t('bid.notTaking')} style={bid ? { marginTop: 12 } : undefined} />
      )}
    </Card>
  );
}
