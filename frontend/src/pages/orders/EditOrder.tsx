import { Link, useParams } from 'react-router';
import { Alert, Typography } from 'antd';
import { useLang } from '../../i18n';
import { useOrdersT } from '../../i18n/orders';
import { useOrder } from '../../api/orders';
import { reasonText } from '../../lib/permissions';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import OrderForm from './OrderForm';

export default function EditOrder() {
  const t = useOrdersT();
  const lang = useLang();
  const { id } = useParams();
  const order = useOrder(id);
  if (order.isPending) return <PageSkeleton />;
  if (order.isError) return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  const o = order.data;
  // Another organisation's order is simply not there; the company is told why it cannot edit its own.
  if (!o.mine) return <ErrorResult status={404} title={t('error.404.title')} text={t('order.notFound')} />;
  return (
    <>
      <Typography.Title level={1} className="page-title">
        {t('form.editTitle')}
      </Typography.Title>
      {o.actions.edit.allowed ? (
        <OrderForm key={o.id} order={o} />
      ) : (
        <Alert
          type="warning"
          showIcon
          data-testid="edit-refused"
          message={t('form.cannotEdit')}
          description={reasonText(o.actions.edit, lang)}
          action={<Link to={`/orders/${o.id}`}>{t('order.backToOrder')}</Link>}
        />
      )}
    </>
  );
}
