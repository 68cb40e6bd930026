import type { Lang } from './lang';

/**
 * One area's labels in every language. Keys are dotted (`time.play`);
 * `{name}` in a text is replaced by the parameter of that name.
 */
export type MessageSet<Key extends string = string> = Readonly<Record<Lang, Readonly<Record<Key, string>>>>;

/**
 * Declares an area's labels, so the compiler checks that both languages have
 * the same keys (the English set defines them).
 * @example defineMessages({ en: { 'time.play': 'Play' }, zh: { 'time.play': '播放' } })
 */
export function defineMessages<Key extends string>(set: { en: Record<Key, string>; zh: Record<NoInfer<Key>, string> }): MessageSet<Key> {
  return set;
}
