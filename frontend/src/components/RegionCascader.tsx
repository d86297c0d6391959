import { useEffect, useMemo, useState } from 'react';
import { Cascader } from 'antd';
import { useQueries } from '@tanstack/react-query';
import type { Region } from '../api/types';
import { codePath, provinceOf, regionSubtreeQuery, useProvinces, useRegionSearch } from '../api/meta';
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

type Option = Region & { isLeaf?: boolean };

/** Province → city → district picker with search. Its value is the
 *  6-digit code of the deepest level chosen (what the API stores). It loads
 *  the provinces first, a province's cities and districts when it is opened
 *  (or holds the value), and asks the server for the names typed. */
export default function RegionCascader({ id, value, onChange, 'aria-required': required, ...aria }: Props) {
  useRequiredInput(id, required);
  const t = useT();
  const provinces = useProvinces();
  const [opened, setOpened] = useState<string[]>([]);
  const wanted = useMemo(() => [...new Set([...opened, ...(value ? [provinceOf(value)] : [])])], [opened, value]);
  const subtrees = useQueries({ queries: wanted.map(regionSubtreeQuery) });
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 250);
  const found = useRegionSearch(q);
  // The names of the value's path, kept when it is picked from a search
  // (whose answer goes when the search is cleared).
  const [picked, setPicked] = useState<Map<string, string>>(new Map());

  // A province not opened yet has no children: isLeaf false makes opening it call loadData.
  const tree: Option[] = (provinces.data ?? []).map((p) => {
    const i = wanted.indexOf(p.code);
    const children = i >= 0 ? subtrees[i]?.data : undefined;
    return children ? { ...p, children } : { ...p, children: undefined, isLeaf: false };
  });
  const path = value ? regionPath(tree, value) : [];
  const searching = search.trim() !== '';
  const failed = provinces.isError || (searching && found.isError);
  return (
    <Cascader<Option>
      id={id}
      {...aria}
      options={searching ? (found.data ?? []) : tree}
      fieldNames={{ label: 'name', value: 'code', children: 'children' }}
      value={value ? (path.length ? path : codePath(value)) : undefined}
      onChange={(codes, chosen) => {
        if (chosen?.length) setPicked(new Map(chosen.map((o) => [o.code, o.name])));
        setSearch(''); // the search is controlled: antd clears only its own copy
        onChange?.(codes?.length ? String(codes[codes.length - 1]) : undefined);
      }}
      displayRender={(labels) => labels.map((l) => picked.get(String(l)) ?? l).join(' / ')}
      loadData={(chain) => {
        const province = chain[0]?.code;
        if (province) setOpened((o) => (o.includes(province) ? o : [...o, province]));
      }}
      showSearch={{
        filter: (input, opts) => opts.some((o) => String(o.name).includes(input.trim())),
        limit: 50,
      }}
      searchValue={search}
      onSearch={setSearch}
      loading={provinces.isPending || (searching && found.isFetching)}
      placeholder={t('hint.region')}
      notFoundContent={failed ? t('common.loadFailed', { msg: '' }) : undefined}
      style={{ width: '100%' }}
      expandTrigger="hover"
    />
  );
}

/** value, once it has stopped changing for ms (one request per pause in typing). */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}
