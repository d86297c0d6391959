import { Link } from 'react-router';
import { Badge, Button } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useT } from '../i18n';
import { useUnreadCount } from '../api/notifications';

/** The bell in the top bar: unread count, polled every 60 s. */
export default function NotificationBell() {
  const t = useT();
  const unread = useUnreadCount(true);
  const n = unread.data ?? 0;
  return (
    <Link to="/notifications" aria-label={t('nav.unread', { n })} className="notification-bell" data-testid="notification-bell">
      <Badge count={n} size="small" overflowCount={99}>
        <Button shape="circle" icon={<BellOutlined />} tabIndex={-1} aria-hidden="true" />
      </Badge>
    </Link>
  );
}
