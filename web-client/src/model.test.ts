import { describe, expect, it } from 'vitest';
import { capability, snapshot } from './testing/fixtures';
import { groupModel } from './model';

describe('groupModel', () => {
  it('groups capabilities by category with sub-capabilities under their parent', () => {
    const sections = groupModel(snapshot());
    expect(
      sections.map((s) => ({
        category: s.category.id,
        groups: s.groups.map((g) => [g.capability.id, ...g.subCapabilities.map((c) => c.id)]),
      })),
    ).toEqual([
      { category: 'leadership', groups: [['set-goals', 'set-goals-1']] },
      { category: 'core', groups: [['operate']] },
    ]);
  });

  it('drops empty categories and keeps capabilities of unknown ones and orphans', () => {
    const sections = groupModel(
      snapshot({
        categories: [
          { id: 'leadership', name: { sv: 'L', en: 'L' } },
          { id: 'support', name: { sv: 'S', en: 'S' } },
        ],
        capabilities: [
          capability('a'),
          capability('orphan', { parentId: 'missing' }),
          capability('x', { category: 'new-category' }),
        ],
      }),
    );
    expect(sections.map((s) => [s.category.id, s.groups.map((g) => g.capability.id)])).toEqual([
      ['leadership', ['a', 'orphan']],
      ['new-category', ['x']],
    ]);
  });
});
