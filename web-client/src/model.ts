import type { Capability, Category, WorkshopSnapshot } from './api/types';

export interface CapabilityGroup {
  capability: Capability;
  subCapabilities: Capability[];
}

export interface CategorySection {
  category: Category;
  groups: CapabilityGroup[];
}

/**
 * Arranges the model for display: categories in the snapshot's order, each with its
 * capabilities in model order and their sub-capabilities beneath them. Nothing is dropped:
 * a capability of an unlisted category gets a section named by its id, and a sub-capability
 * whose parent is missing stands on its own.
 */
export function groupModel(model: Pick<WorkshopSnapshot, 'categories' | 'capabilities'>): CategorySection[] {
  const sections = new Map<string, CategorySection>();
  for (const category of model.categories) sections.set(category.id, { category, groups: [] });

  const groupsById = new Map<string, CapabilityGroup>();
  const topLevel = model.capabilities.filter((c) => c.parentId === null || !model.capabilities.some((p) => p.id === c.parentId));
  for (const capability of topLevel) {
    let section = sections.get(capability.category);
    if (!section) {
      section = { category: { id: capability.category, name: { sv: capability.category, en: capability.category } }, groups: [] };
      sections.set(capability.category, section);
    }
    const group: CapabilityGroup = { capability, subCapabilities: [] };
    section.groups.push(group);
    groupsById.set(capability.id, group);
  }
  for (const capability of model.capabilities) {
    if (capability.parentId === null) continue;
    groupsById.get(capability.parentId)?.subCapabilities.push(capability);
  }
  return [...sections.values()].filter((s) => s.groups.length > 0);
}
