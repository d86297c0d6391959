import { useCrafts } from '../api/meta';
import { useLang, useT } from '../i18n';
import FormSelect, { type FieldAria } from './FormSelect';

interface Props extends FieldAria {
  id?: string;
  value?: string[];
  onChange?: (v: string[]) => void;
}

/** Multi-select of crafts, labelled in the UI language. */
export default function CraftSelect({ id, value, onChange, ...aria }: Props) {
  const t = useT();
  const lang = useLang();
  const crafts = useCrafts();
  const options = (crafts.data ?? []).map((c) => ({ value: c.code, label: lang === 'zh' ? c.name_zh : c.name_en }));
  return (
    <FormSelect
      id={id}
      {...aria}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      loading={crafts.isPending}
      optionFilterProp="label"
      placeholder={t('field.crafts')}
      allowClear
      style={{ width: '100%' }}
    />
  );
}

/** Display names for craft codes (falls back to the code). */
export function useCraftNames(): (code: string) => string {
  const lang = useLang();
  const crafts = useCrafts();
  return (code) => {
    const c = crafts.data?.find((x) => x.code === code);
    return c ? (lang === 'zh' ? c.name_zh : c.name_en) : code;
  };
}
