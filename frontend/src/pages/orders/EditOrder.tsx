import { useParams } from 'react-router';
import { Typography } from 'antd';
import { useT } from '../../i18n';
import { useOrder } from '../../api/orders';
import { LoadError, PageSkeleton } from '../../components/PageState';
import ErrorResult from '../../components/ErrorResult';
import OrderForm from './OrderForm';

export default function EditOrder() {
  const t = useT();
  const { id } = useParams();
  const order = useOrder(id);
  if (order.isPending) return <PageSkeleton />;
  if (order.isError) return <LoadError error={order.error} onRetry={() => void order.refetch()} />;
  if (!order.data.mine || order.data.status === 'closed') {
    return <ErrorResult status={404} title={t('error.404.title')} text={t('order.notFound')} />;
  }
  return (
    <>
      <Typography.Title level={2} className="page-title">
        {t('form.editTitle')}
      </Typography.Title>
      <OrderForm key={order.data.id} order={order.data} />
    </>
  );
}
