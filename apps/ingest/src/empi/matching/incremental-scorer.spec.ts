import { residentIdCheckChar } from '@revisit/domain';
import { linkRecords } from './batch-linker';
import { readRevisitCsv } from './formats/revisit-format';
import { matchCandidate } from './incremental-scorer';
import { LinkDecision } from './link-decision';
import { type PersonRecord } from './person-record';
import { generateChinesePopulation, toRevisitCsv } from '@revisit/sample-data';

describe('matchCandidate (one incoming record against blocked candidates)', () => {
  // A model learnt by a batch run on a generated population, as the EMPI service would keep it.
  const population = generateChinesePopulation({ people: 1500, duplicateRate: 0.3, familyRate: 0.1, seed: 3 });
  const { model } = linkRecords(readRevisitCsv(toRevisitCsv(population.rows), 'generated'));

  const card = (first17: string): string => first17 + residentIdCheckChar(first17);
  const existing: PersonRecord = {
    id: 'emp-1',
    name: { fullHan: '刘建国', latin: 'Liu Jianguo' },
    sex: 'male',
    birthDate: '1958-07-21',
    mobile: '13912345678',
    address: { text: '湖北省武汉市武昌区中山路12号3栋1单元402室' },
  };
  const wife: PersonRecord = {
    id: 'emp-2',
    name: { fullHan: '王秀英' },
    sex: 'female',
    birthDate: '1960-02-03',
    mobile: '13912345678',
    address: { text: '湖北省武汉市武昌区中山路12号3栋1单元402室' },
  };
  const namesake: PersonRecord = { id: 'emp-3', name: { fullHan: '刘建国' }, sex: 'male', birthDate: '1971-10-09' };

  it('auto-links a re-registration with a homophone, traditional script and a +86 number', () => {
    const incoming: PersonRecord = {
      id: 'his-9',
      name: { fullHan: '劉健國' },
      sex: 'male',
      birthDate: '19580721',
      mobile: '+86 139 1234 5678',
    };
    const [best, ...others] = matchCandidate(incoming, [wife, namesake, existing], model);
    expect(best).toMatchObject({ leftId: 'his-9', rightId: 'emp-1', decision: LinkDecision.Match });
    expect(others.every((pair) => pair.decision !== LinkDecision.Match)).toBe(true);
  });

  it('never auto-links a family member who shares phone and address', () => {
    const incoming: PersonRecord = { ...wife, id: 'his-10', name: { fullHan: '刘小红' }, birthDate: '1986-09-30' };
    const scored = matchCandidate(incoming, [existing, wife], model);
    expect(scored.find((pair) => pair.rightId === 'emp-1')?.decision).not.toBe(LinkDecision.Match);
  });

  it('decides by ID card before probabilities: same card links, different valid cards never do', () => {
    const withCard = { ...existing, identifiers: { residentIdCard: card('42010619580721001') } };
    const sameCard: PersonRecord = { id: 'his-11', name: { latin: 'Liu Jianguo' }, identifiers: withCard.identifiers };
    expect(matchCandidate(sameCard, [withCard], model)[0]).toMatchObject({ decision: LinkDecision.Match, score: 1 });
    const twin = { ...withCard, id: 'his-12', identifiers: { residentIdCard: card('42010619580721003') } };
    expect(matchCandidate(twin, [withCard], model)[0]).toMatchObject({ decision: LinkDecision.NoMatch, score: 0 });
  });
});
