import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AppealCategory, MetricSpec } from '@citytwin/shared';
import { formatClock, formatDateTime, formatNumber } from './formatters';
import type { Lang } from './lang';
import { translate, type MessageParams } from './translate';

/** What components get from {@link useI18n}: the language and its formatters. */
export interface I18n {
  lang: Lang;
  t(key: string, params?: MessageParams): string;
  number(value: number, maximumFractionDigits?: number): string;
  /** Local date and time of the city (its IANA time zone). */
  dateTime(epochMs: number): string;
  clock(epochMs: number): string;
  metricName(metric: MetricSpec): string;
  categoryName(category: AppealCategory): string;
}

/** The formatters of one language and one city time zone. */
export function createI18n(lang: Lang, timeZone: string): I18n {
  return {
    lang,
    t: (key, params) => translate(lang, key, params),
    number: (value, digits) => formatNumber(lang, value, digits),
    dateTime: (epochMs) => formatDateTime(lang, epochMs, timeZone),
    clock: (epochMs) => formatClock(lang, epochMs, timeZone),
    metricName: (metric) => (lang === 'zh' ? metric.nameZh : metric.nameEn),
    categoryName: (category) => (lang === 'zh' ? category.nameZh : category.nameEn),
  };
}

const I18nContext = createContext<I18n>(createI18n('en', 'UTC'));

/** Gives the components below it one language and the city's time zone. */
export function I18nProvider(props: { lang: Lang; timeZone: string; children: ReactNode }) {
  const value = useMemo(() => createI18n(props.lang, props.timeZone), [props.lang, props.timeZone]);
  return <I18nContext.Provider value={value}>{props.children}</I18nContext.Provider>;
}

/** The language and formatters of the nearest {@link I18nProvider}. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
