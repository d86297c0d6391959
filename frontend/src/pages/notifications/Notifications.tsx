import { useNavigate, useSearchParams } from 'react-router';
import { Badge, Button, Empty, List, Typography } from 'antd';
import { useMessage } from '../../components/feedback';
import { CheckOutlined } from '@ant-design/icons';
import { formatDate, useLang, useT } from '../../i18n';
import { NOTIFICATIONS_PER_PAGE, useMarkAllRead, useMarkRead, useNotifications } from '../../api/notifications';
import type { Notification } from '../../api/types';
import { errorText } from '../../lib/errors';
import { LoadError } from '../../components/PageState';

/** Only in-app links are followed. */
const inApp = (link: string) => link.startsWith('/') && !link.startsWith('//');

export default function Notifications() {
  const t = useT();
  const lang = useLang();
  const navigate = useNavigate();
  const message = useMessage();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useNotifications(page);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = list.data?.items ?? [];
  const anyUnread = items.some((n) => !n.read_at);

  const open = (n: Notification) => {
    const go = () => {
      if (n.link && inApp(n.link)) navigate(n.link);
    };
    if (n.read_at) return go();
    markRead.mutate(n.id, { onSettled: go });
  };

  return (
    <div className="narrow-wide">
      <div className="page-head">
        <Typography.Title level={1} className="page-title">
          {t('notif.title')}
        </Typography.Title>
        <Button
          icon={<CheckOutlined />}
          disabled={!anyUnread}
          loading={markAll.isPending}
          onClick={() => markAll.mutate(undefined, { onError: (e) => message.error(errorText(e, t)) })}
        >
          {t('notif.markAll')}
        </Button>
      </div>
      {list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data && items.length === 0 ? (
        <Empty description={t('notif.empty')} />
      ) : (
        <List<Notification>
          className="notification-list"
          loading={list.isPending}
          dataSource={items}
          pagination={
            (list.data?.total ?? 0) > NOTIFICATIONS_PER_PAGE && {
              current: page,
              pageSize: NOTIFICATIONS_PER_PAGE,
              total: list.data?.total ?? 0,
              align: 'center',
              showSizeChanger: false,
              onChange: (p) => setParams(p > 1 ? { page: String(p) } : {}, { replace: true }),
            }
          }
          renderItem={(n) => (
            <List.Item className={n.read_at ? 'notification' : 'notification notification-unread'} data-testid="notification">
              <button type="button" className="notification-button" onClick={() => open(n)}>
                <span className="notification-title">
                  {!n.read_at && <Badge status="processing" text={<span className="sr-only">{t('notif.unread')}</span>} />}
                  <Typography.Text strong={!n.read_at}>{n.title}</Typography.Text>
                </span>
                {n.body && <span className="notification-body">{n.body}</span>}
                <Typography.Text type="secondary" className="notification-time">
                  {formatDate(lang, n.created_at, true)}
                </Typography.Text>
              </button>
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
