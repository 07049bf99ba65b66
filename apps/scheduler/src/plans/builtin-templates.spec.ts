import { BUILTIN_TEMPLATE_IDS, loadBuiltinTemplate } from './builtin-templates';

describe('built-in templates', () => {
  it.each(BUILTIN_TEMPLATE_IDS)('%s validates against the published schema and keeps its fixed id', (id) => {
    const plan = loadBuiltinTemplate(id);
    expect(plan.id).toBe(id);
    expect(plan.steps.length).toBeGreaterThan(0);
  });
});
