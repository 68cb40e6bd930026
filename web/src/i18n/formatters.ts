import type { Lang } from './lang';

const LOCALES: Readonly<Record<Lang, string>> = { zh: 'zh-CN', en: 'en-GB' };

/** The BCP 47 locale used for `Intl` formatting in `lang`. */
export function localeOf(lang: Lang): string {
  return LOCALES[lang];
}

/**
 * A number in the language's conventions (grouping, decimal mark).
 * @example formatNumber('en', 12345.678, 1) // '12,345.7'
 */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits }).format(value);
}

/**
 * An instant as the city's local date and time (`timeZone`, IANA), to the minute.
 * @example formatDateTime('en', Date.parse('2026-06-01T12:00:00Z'), 'Asia/Shanghai') // '01/06/2026, 20:00'
 */
export function formatDateTime(lang: Lang, epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).format(epochMs);
}

/**
 * The city's local time of day, `hh:mm`.
 * @example formatClock('zh', Date.parse('2026-06-01T12:00:00Z'), 'Asia/Shanghai') // '20:00'
 */
export function formatClock(lang: Lang, epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat(LOCALES[lang], { timeZone, hour: '2-digit', minute: '2-digit', hour12: false }).format(epochMs);
}
