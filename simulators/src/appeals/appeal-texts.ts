import type { SeededRandom } from '../random/seeded-random';

type Templates = { zh: readonly string[]; en: readonly string[] };

// Short texts in the register of real 12345 / 311 records; {place} is filled in.
const TEMPLATES: Readonly<Record<string, Templates>> = {
  noise: { zh: ['{place}附近夜间施工噪音很大，影响休息', '{place}楼下商户音响声音太大'], en: ['Loud construction at night near {place}', 'Loud music from a bar at {place}'] },
  air: { zh: ['{place}有人焚烧垃圾，烟很大', '{place}工地扬尘严重'], en: ['Smoke from burning near {place}', 'Dust from a building site at {place}'] },
  flooding: { zh: ['{place}路面积水严重，车辆无法通行', '{place}下水道堵塞，污水外溢'], en: ['Street flooded at {place}, cars cannot pass', 'Sewer backing up at {place}'] },
  streetlight: { zh: ['{place}路灯不亮，晚上很黑', '{place}一排路灯坏了'], en: ['Streetlights out along {place}', 'Dark street at {place}, lights not working'] },
  road: { zh: ['{place}路面有大坑', '{place}人行道砖破损'], en: ['Large pothole at {place}', 'Broken sidewalk at {place}'] },
  garbage: { zh: ['{place}垃圾好几天没人清运', '{place}有人乱倒建筑垃圾'], en: ['Garbage not collected for days at {place}', 'Illegal dumping at {place}'] },
  illegal_construction: { zh: ['{place}有人私搭乱建', '{place}商户占道经营'], en: ['Unpermitted structure at {place}', 'Shop blocking the sidewalk at {place}'] },
  traffic: { zh: ['{place}违章停车堵住通道', '{place}信号灯坏了'], en: ['Cars double-parked at {place}', 'Traffic signal out at {place}'] },
  heating: { zh: ['{place}家里暖气不热，室温只有十几度', '{place}整栋楼停暖了'], en: ['No heat in the building at {place}', 'Apartment too cold at {place}'] },
  water_supply: { zh: ['{place}停水了，没有通知', '{place}自来水发黄'], en: ['No water at {place}', 'Brown tap water at {place}'] },
  property: { zh: ['{place}电梯经常坏', '{place}物业不作为'], en: ['Elevator broken again at {place}', 'Building management ignores repairs at {place}'] },
  business: { zh: ['{place}商家拒绝退款', '营业执照办理太慢'], en: ['Shop at {place} refuses a refund', 'Licence application stuck for weeks'] },
  public_service: { zh: ['咨询社保缴费问题', '孩子入学政策咨询'], en: ['Question about social security payments', 'School enrolment question'] },
  social_risk: { zh: ['{place}工地拖欠工资', '{place}有安全隐患'], en: ['Unpaid wages at a site near {place}', 'Safety hazard at {place}'] },
  other: { zh: ['其他问题咨询'], en: ['General question'] },
};

const PLACES = { zh: ['小区门口', '十字路口', '3号楼', '公园东门', '菜市场', '学校旁边'], en: ['the corner', 'the park entrance', 'building 3', 'the market', 'the school', 'the bus stop'] };

/**
 * A short appeal text for a category (its first-level part picks the
 * template), in Chinese or English.
 *
 * @example appealText('noise.construction', 'en', random) // 'Loud construction at night near the corner'
 */
export function appealText(category: string, language: 'zh' | 'en', random: SeededRandom): string {
  const top = category.split('.')[0] ?? 'other';
  const templates = (TEMPLATES[top] ?? TEMPLATES['other']!)[language];
  return random.pick(templates).replace('{place}', random.pick(PLACES[language]));
}
