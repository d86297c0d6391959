import type { FormRule } from 'antd';
import type { MessageKey, TFunction, Vars } from '../i18n';
import { checkCreditCode, CREDIT_CODE_CHARSET } from './creditCode';

// Form rules whose messages name the field they belong to. The label may be
// a page's own key (i18n/orders.ts) when that page's t is passed.
type LabelT<K extends string> = (key: MessageKey | K, vars?: Vars) => string;

export const required = <K extends string>(t: LabelT<NoInfer<K>>, label: K): FormRule => ({
  required: true,
  whitespace: true,
  message: t('val.required', { field: t(label) }),
});

export const requiredNumber = <K extends string>(t: LabelT<NoInfer<K>>, label: K): FormRule => ({
  required: true,
  type: 'number',
  message: t('val.required', { field: t(label) }),
});

export const chosen = <K extends string>(t: LabelT<NoInfer<K>>, label: K): FormRule => ({
  required: true,
  message: t('val.choose', { field: t(label) }),
});

export const emailRules = (t: TFunction): FormRule[] => [
  required(t, 'field.email'),
  { type: 'email', message: t('val.email') },
];

export const newPasswordRules = (t: TFunction, label: MessageKey = 'field.password'): FormRule[] => [
  required(t, label),
  { min: 10, message: t('val.passwordLength') },
];

/** Credit code: a bad character or wrong check digit shows while typing;
 *  "too short" only when leaving the field (and on submit). */
export const creditCodeRules = (t: TFunction): FormRule[] => [
  { ...required(t, 'field.creditCode'), validateTrigger: 'onBlur' },
  {
    validateTrigger: 'onChange',
    validator: async (_, value?: string) => {
      const bad = [...(value ?? '')].find((c) => !CREDIT_CODE_CHARSET.includes(c));
      if (bad) throw new Error(t('val.cc.charset', { c: bad }));
    },
  },
  {
    validateTrigger: 'onBlur',
    validator: async (_, value?: string) => {
      const n = [...(value ?? '')].length;
      if (n > 0 && n !== 18) throw new Error(t('val.cc.length', { n }));
    },
  },
  {
    validateTrigger: 'onChange',
    validator: async (_, value?: string) => {
      if (!value || [...value].length !== 18) return;
      const p = checkCreditCode(value);
      if (p?.kind === 'division') throw new Error(t('val.cc.division'));
      if (p?.kind === 'check') throw new Error(t('val.cc.check'));
    },
  },
];
