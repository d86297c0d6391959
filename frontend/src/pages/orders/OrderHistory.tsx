import { Timeline, Typography } from 'antd';
import { formatDate, tDynamic, useLang } from '../../i18n';
import { useOrdersT } from '../../i18n/orders';
import type { OrderEvent } from '../../api/types';
import { msgText } from '../../lib/msg';

/** The order's moderation history (the company and staff see it): its own
 *  chunk, as antd's Timeline is not needed by a visitor of a public order. */
export default function History({ events }: { events: OrderEvent[] }) {
  const t = useOrdersT();
  const lang = useLang();
  const color = (a: OrderEvent['action']) =>
    a === 'approve' || a === 'reinstate' ? 'green' : a === 'reject' || a === 'suspend' || a === 'auto_suspend' || a === 'cancel' ? 'red' : 'blue';
  return (
    <Timeline
      className="order-history"
      items={events.map((e) => ({
        color: color(e.action),
        children: (
          <div>
            <Typography.Text strong>{tDynamic(t, `history.${e.action}`, e.action)}</Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {formatDate(lang, e.at, true)} · {e.actor_name || t(e.actor_kind === 'system' ? 'actor.system' : 'actor.staff')}
              </Typography.Text>
            </div>
            {e.reason && <div className="history-reason">{msgText(e.reason, lang)}</div>}
          </div>
        ),
      }))}
    />
  );
}
