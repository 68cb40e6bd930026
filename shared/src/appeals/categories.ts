/** A node of the two-level appeal category taxonomy. */
export interface AppealCategory {
  /** `top` for a first-level category, `top.sub` for a second-level one. */
  code: string;
  nameZh: string;
  nameEn: string;
  /** The first-level code this belongs to (itself for a first-level category). */
  parent: string;
}

interface TopLevel {
  code: string;
  zh: string;
  en: string;
  subs: ReadonlyArray<readonly [code: string, zh: string, en: string]>;
}

// Modelled on the first two levels of Beijing 12345's classification, with NYC 311
// complaint types in mind so both cities' appeals fit the same tree.
const TREE: readonly TopLevel[] = [
  { code: 'noise', zh: '噪音扰民', en: 'Noise', subs: [
    ['construction', '施工噪音', 'Construction noise'],
    ['commercial', '商业噪音', 'Commercial / nightlife noise'],
    ['traffic', '交通噪音', 'Traffic noise'],
    ['residential', '邻里噪音', 'Neighbour noise'],
  ] },
  { code: 'air', zh: '大气污染/异味', en: 'Air pollution / odour', subs: [
    ['dust', '扬尘', 'Dust'],
    ['smoke', '烟尘/焚烧', 'Smoke / burning'],
    ['odor', '异味', 'Odour'],
  ] },
  { code: 'flooding', zh: '积水/排水', en: 'Flooding / drainage', subs: [
    ['street', '道路积水', 'Street flooding'],
    ['sewer', '下水道堵塞', 'Blocked sewer'],
    ['manhole', '井盖缺失/损坏', 'Missing or broken manhole cover'],
  ] },
  { code: 'streetlight', zh: '路灯', en: 'Streetlight', subs: [
    ['out', '路灯不亮', 'Light out'],
    ['damaged', '路灯损坏', 'Damaged pole or fixture'],
  ] },
  { code: 'road', zh: '道路破损', en: 'Road damage', subs: [
    ['pothole', '坑洼', 'Pothole'],
    ['sidewalk', '人行道破损', 'Damaged sidewalk'],
  ] },
  { code: 'garbage', zh: '垃圾', en: 'Garbage', subs: [
    ['uncollected', '垃圾未清运', 'Missed collection'],
    ['dumping', '乱倒垃圾', 'Illegal dumping'],
  ] },
  { code: 'illegal_construction', zh: '违章建设', en: 'Illegal construction', subs: [
    ['building', '违建', 'Unpermitted building'],
    ['occupation', '占道经营', 'Occupation of public space'],
  ] },
  { code: 'traffic', zh: '交通/停车', en: 'Traffic / parking', subs: [
    ['parking', '违章停车', 'Illegal parking'],
    ['signal', '信号灯故障', 'Traffic signal fault'],
    ['congestion', '拥堵', 'Congestion'],
  ] },
  { code: 'heating', zh: '供暖', en: 'Heating', subs: [
    ['no_heat', '不供暖', 'No heat'],
    ['low_temperature', '室温不达标', 'Room temperature too low'],
  ] },
  { code: 'water_supply', zh: '供水', en: 'Water supply', subs: [
    ['outage', '停水', 'No water'],
    ['quality', '水质', 'Water quality'],
    ['leak', '管道漏水', 'Leaking pipe'],
  ] },
  { code: 'property', zh: '物业', en: 'Property management', subs: [
    ['service', '物业服务', 'Property service'],
    ['elevator', '电梯', 'Elevator'],
  ] },
  { code: 'business', zh: '营商服务', en: 'Business services', subs: [
    ['licensing', '证照办理', 'Licensing'],
    ['consumer', '消费纠纷', 'Consumer dispute'],
  ] },
  { code: 'public_service', zh: '政务服务', en: 'Public services', subs: [
    ['social_security', '社保', 'Social security'],
    ['education', '教育', 'Education'],
    ['health', '医疗卫生', 'Health care'],
  ] },
  { code: 'social_risk', zh: '社会风险', en: 'Social risk', subs: [
    ['wage_arrears', '欠薪', 'Wage arrears'],
    ['safety_hazard', '安全隐患', 'Safety hazard'],
  ] },
  { code: 'other', zh: '其他', en: 'Other', subs: [] },
];

function flatten(tree: readonly TopLevel[]): AppealCategory[] {
  return tree.flatMap((top) => [
    { code: top.code, nameZh: top.zh, nameEn: top.en, parent: top.code },
    ...top.subs.map(([sub, zh, en]) => ({ code: `${top.code}.${sub}`, nameZh: zh, nameEn: en, parent: top.code })),
  ]);
}

/** Every category, first-level ones followed by their second-level children. */
export const APPEAL_CATEGORIES: readonly AppealCategory[] = flatten(TREE);

const BY_CODE = new Map(APPEAL_CATEGORIES.map((category) => [category.code, category]));

/** First-level category codes, in catalogue order. */
export const TOP_CATEGORY_CODES: readonly string[] = TREE.map((top) => top.code);

/** The category for `code`, or undefined when the taxonomy has no such code. */
export function findAppealCategory(code: string): AppealCategory | undefined {
  return BY_CODE.get(code);
}

/** The first-level code of any category code (`noise.construction` -> `noise`). */
export function topCategoryOf(code: string): string | undefined {
  return BY_CODE.get(code)?.parent;
}
