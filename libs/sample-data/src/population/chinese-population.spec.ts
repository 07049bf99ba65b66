import { parseResidentIdCard } from '@revisit/domain';
import { generateChinesePopulation } from './chinese-population';

describe('generateChinesePopulation', () => {
  const options = { people: 400, duplicateRate: 0.3, familyRate: 0.1, seed: 5 };
  const population = generateChinesePopulation(options);

  it('is reproducible from its seed', () => {
    expect(generateChinesePopulation(options).rows).toEqual(population.rows);
  });

  it('creates every person once plus duplicates, with truth for every row', () => {
    const people = new Set(population.personOf.values());
    expect(people.size).toBe(400);
    expect(population.rows.length).toBeGreaterThan(480);
    expect(population.rows.every((row) => population.personOf.has(row.id))).toBe(true);
  });

  it('gives originals valid ID cards whose birth date and sex match the row', () => {
    const first = new Map<string, (typeof population.rows)[number]>();
    for (const row of population.rows)
      if (!first.has(population.personOf.get(row.id)!)) first.set(population.personOf.get(row.id)!, row);
    const withCards = [...first.values()].filter((row) => row.id_card !== '');
    expect(withCards.length).toBeGreaterThan(300);
    for (const row of withCards) {
      const parsed = parseResidentIdCard(row.id_card);
      if (!parsed.ok) throw new Error(`invalid card in row ${row.id}`);
      expect(parsed.card.birthDate).toBe(row.birth_date);
      expect(parsed.card.sex).toBe(row.sex === 'M' ? 'male' : 'female');
    }
  });
});
