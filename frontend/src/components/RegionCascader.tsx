import { useMemo } from 'react';
import { Cascader } from 'antd';
import type { Region } from '../api/types';
import { useRegions } from '../api/meta';
import { useT } from '../i18n';
import { useRequiredInput, type FieldAria } from './FormSelect';

/** The chain of codes from the province down to `code`, or [] if unknown. */
export function regionPath(tree: Region[], code: string): string[] {
  for (const r of tree) {
    if (r.code === code) return [r.code];
    const sub = r.children ? regionPath(r.children, code) : [];
    if (sub.length) return [r.code, ...sub];
  }
  return [];
}

interface Props extends FieldAria {
  id?: string;
  value?: string;
  onChange?: (code: string | undefined) => void;
}

/** Province → city → district picker with search. Its value is the
 *  6-digit code of the deepest level chosen (what the API stores). */
export default function RegionCascader({ id, value, onChange, 'aria-required': required, ...aria }: Props) {
  useRequiredInput(id, required);
  const t = useT();
  const regions = useRegions();
  const tree = useMemo(() => regions.data ?? [], [regions.data]);
  const path = useMemo(() => (value ? regionPath(tree, value) : []), [tree, value]);
  return (
    <Cascader<Region>
      id={id}
      {...aria}
      options={tree}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={path.length ? path : undefined}
      onChange={(codes) => onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined)}
      showSearch={{
        filter: (input, opts) => opts.some((o) => String(o.name).includes(input.trim())),
        limit: 50,
      }}
      loading={regions.isPending}
      placeholder={t('hint.region')}
      notFoundContent={regions.isError ? t('common.loadFailed', { msg: '' }) : undefined}
      style={{ width: '100%' }}
      expandTrigger="hover"
    />
  );
}
