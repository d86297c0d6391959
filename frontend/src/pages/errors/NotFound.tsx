import { useT } from '../../i18n';
import ErrorResult from '../../components/ErrorResult';

export default function NotFound() {
  const t = useT();
  return <ErrorResult status={404} title={t('error.404.title')} text={t('error.404.text')} />;
}
