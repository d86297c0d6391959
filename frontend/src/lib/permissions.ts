// The server decides who may do what: every order, bid, contract, delivery,
// dispute and payment view carries `actions`, each allowed now or refused with
// the reason in both languages (server/market/*policy.go). Pages render buttons from them and,
// where someone would wonder why a button is missing, show the reason.
import type { components } from '../api/openapi';
import type { Lang } from '../prefs/store';
import { msgText } from './msg';

export type Permission = components['schemas']['Permission'];

/** Why an action is refused, in the UI language; '' when it is allowed (or no reason is given). */
export function reasonText(p: Permission | null | undefined, lang: Lang): string {
  if (!p || p.allowed || !p.reason) return '';
  return msgText(p.reason, lang);
}
