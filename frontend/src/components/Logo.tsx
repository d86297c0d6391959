import { Link } from 'react-router';
import { useT } from '../i18n';

export default function Logo() {
  const t = useT();
  return (
    // The name starts with the visible name, as speech input expects.
    <Link to="/" className="logo" aria-label={t('nav.logo')}>
      <svg viewBox="0 0 64 64" width="32" height="32" aria-hidden="true">
        <rect width="64" height="64" rx="14" fill="#c2410c" />
        <path d="M14 32 32 16l18 16v18H38V38H26v12H14z" fill="#fff" />
      </svg>
      <span className="logo-text">{t('app.name')}</span>
    </Link>
  );
}
