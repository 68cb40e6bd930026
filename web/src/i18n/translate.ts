import type { Lang } from './lang';
import { MESSAGES } from './messages';

/** Parameters substituted into `{name}` placeholders. */
export type MessageParams = Readonly<Record<string, string | number>>;

/**
 * The label `key` in `lang` with `{name}` placeholders filled in. An unknown
 * key comes back as itself, so a missing label is visible, never blank.
 * @example translate('zh', 'state.waitingForApi', { error: 'HTTP 503' }) // '正在等待 CityTwin 服务…（HTTP 503）'
 */
export function translate(lang: Lang, key: string, params: MessageParams = {}): string {
  const text = MESSAGES[lang][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
