/** The languages the page speaks: Simplified Chinese and English. */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** True when `text` names a supported language. */
export function isLang(text: string | null | undefined): text is Lang {
  return text === 'zh' || text === 'en';
}

/**
 * The page's language: `lang=` from the URL when valid, else Chinese for
 * Beijing, else the browser's language (zh-* gives zh, anything else en).
 * @example resolveLang(null, 'nyc', 'zh-CN') // 'zh'
 */
export function resolveLang(urlLang: string | null, cityCode: string | undefined, browserLanguage: string | undefined): Lang {
  if (isLang(urlLang)) return urlLang;
  if (cityCode === 'beijing') return 'zh';
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
