// Native form controls styled like the rest of the app. The pages a newcomer
// opens first (landing, search, a shared public order) use these instead of
// antd's Select, Switch, Checkbox, Input, Pagination and Card, which together
// weigh more than the page (antd's Card brings Tabs, Dropdown and Menu).
import type { ChangeEvent, HTMLAttributes, InputHTMLAttributes, ReactNode } from 'react';
import { Button } from 'antd';
import { useT } from '../i18n';

export function NativeSelect<V extends string | number>({
  id,
  value,
  options,
  onChange,
  label,
}: {
  id: string;
  value: V;
  options: { value: V; label: string }[];
  onChange: (v: V) => void;
  label?: string;
}) {
  return (
    <select
      id={id}
      className="lite-input lite-select"
      aria-label={label}
      value={String(value)}
      onChange={(e: ChangeEvent<HTMLSelectElement>) => onChange(options.find((o) => String(o.value) === e.target.value)!.value)}
    >
      {options.map((o) => (
        <option key={String(o.value)} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** A checkbox shown as a switch (role="switch"). */
export function SwitchInput({ id, checked, onChange, busy }: { id: string; checked: boolean; onChange: (on: boolean) => void; busy?: boolean }) {
  return (
    <input
      id={id}
      type="checkbox"
      role="switch"
      className="lite-switch"
      checked={checked}
      aria-busy={busy || undefined}
      disabled={busy}
      onChange={(e) => onChange(e.target.checked)}
    />
  );
}

export function TextInput(props: InputHTMLAttributes<HTMLInputElement>) {
  return <input {...props} className={`lite-input ${props.className ?? ''}`} />;
}

/** Previous / page n of m / next. */
export function Pager({ page, total, perPage, onChange }: { page: number; total: number; perPage: number; onChange: (p: number) => void }) {
  const t = useT();
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <nav className="pager" aria-label={t('common.pages')}>
      <Button disabled={page <= 1} onClick={() => onChange(page - 1)}>
        {t('common.prevPage')}
      </Button>
      <span aria-current="page">{t('common.pageOf', { page, pages })}</span>
      <Button disabled={page >= pages} onClick={() => onChange(page + 1)}>
        {t('common.nextPage')}
      </Button>
    </nav>
  );
}

/** A titled box that looks like antd's small Card (its head and body
 *  padding, border and radius) without its code. */
export function Panel({ title, children, className, ...rest }: { title?: ReactNode; children: ReactNode } & Omit<HTMLAttributes<HTMLElement>, 'title'>) {
  return (
    <section {...rest} className={`lite-card${className ? ` ${className}` : ''}`}>
      {title && (
        <div className="lite-card-head">
          <h2 className="lite-card-title">{title}</h2>
        </div>
      )}
      <div className="lite-card-body">{children}</div>
    </section>
  );
}
