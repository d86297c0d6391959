import { useT } from '../../i18n';
import ErrorResult from '../../components/ErrorResult';

export default function Forbidden() {
  const t = useT();
  return <ErrorResult status={403} title={t('error.403.title')} text={t('error.403.text')} />;
}
