import type { Lang } from './lang';
import { COMMON_MESSAGES } from './messages/common-messages';
import { PLANNER_MESSAGES } from './messages/planner-messages';
import { TIME_MESSAGES } from './messages/time-messages';
import { ACCESS_MESSAGES } from './messages/access-messages';
import { DRAWER_MESSAGES } from './messages/drawer-messages';
import { PANEL_MESSAGES } from './messages/panel-messages';
import { WALL_MESSAGES } from './messages/wall-messages';
import { UNIT_MESSAGES } from './messages/unit-messages';

// Each area of the page keeps its labels in its own file under messages/;
// add the file's set here so `translate` and the completeness test see it.
const SETS = [COMMON_MESSAGES, PLANNER_MESSAGES, TIME_MESSAGES, ACCESS_MESSAGES, DRAWER_MESSAGES, PANEL_MESSAGES, WALL_MESSAGES, UNIT_MESSAGES] as const;

/** Every label of the page, by language and key. */
export const MESSAGES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: Object.assign({}, ...SETS.map((set) => set.en)),
  zh: Object.assign({}, ...SETS.map((set) => set.zh)),
};

/** Every key a set defines, with the number of sets defining it (a key is owned by one set). */
export function messageKeyOwners(): Map<string, number> {
  const owners = new Map<string, number>();
  for (const set of SETS) for (const key of Object.keys(set.en)) owners.set(key, (owners.get(key) ?? 0) + 1);
  return owners;
}
