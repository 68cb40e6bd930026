import { APPEAL_CATEGORIES, findAppealCategory, type AppealCategory } from '@citytwin/shared';

/** A GeoReport v2 service: one category of our taxonomy. */
export interface Open311Service {
  service_code: string;
  service_name: string;
  description: string;
  metadata: boolean;
  type: 'realtime';
  keywords: string;
  group: string;
}

function childrenOf(code: string): AppealCategory[] {
  return APPEAL_CATEGORIES.filter((category) => category.parent === code && category.code !== code);
}

/** Every category as a service; first-level ones with sub-categories carry a `subcategory` attribute. */
export function open311Services(): Open311Service[] {
  return APPEAL_CATEGORIES.map((category) => ({
    service_code: category.code,
    service_name: category.nameEn,
    description: `${category.nameEn} (${category.nameZh})`,
    metadata: childrenOf(category.code).length > 0,
    type: 'realtime' as const,
    keywords: [category.nameZh, category.code].join(','),
    group: findAppealCategory(category.parent)?.nameEn ?? category.nameEn,
  }));
}

/** The GeoReport service definition (attributes) of a service, or undefined for an unknown code. */
export function open311ServiceDefinition(code: string) {
  if (!findAppealCategory(code)) return undefined;
  const children = childrenOf(code);
  return {
    service_code: code,
    attributes: children.length === 0 ? [] : [{
      variable: true, code: 'subcategory', datatype: 'singlevaluelist', required: false, datatype_description: 'Pick the closest sub-category',
      order: 1, description: 'Sub-category', values: children.map((child) => ({ key: child.code, name: child.nameEn })),
    }],
  };
}
