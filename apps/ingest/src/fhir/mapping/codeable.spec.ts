import { codeable } from './resource-context';

describe('FHIR CodeableConcept to a coded value', () => {
  it('keeps the first coding as the value and the further codings and the text as alternates', () => {
    expect(
      codeable({
        coding: [
          { system: 'urn:revisit-demo:dental:procedure', code: 'EXT-01', display: '拔牙' },
          { system: 'https://revisit.dev/fhir/CodeSystem/procedure-category', code: 'dental-extraction' },
        ],
        text: '下颌智齿拔除术',
      }),
    ).toEqual({
      code: 'EXT-01',
      system: 'urn:revisit-demo:dental:procedure',
      display: '拔牙',
      alternates: [
        {
          code: 'dental-extraction',
          system: 'https://revisit.dev/fhir/CodeSystem/procedure-category',
          display: undefined,
        },
        { display: '下颌智齿拔除术' },
      ],
    });
  });

  it('has no alternates for a single coding and reads a text-only concept as its display', () => {
    expect(codeable({ coding: [{ system: 'http://www.whocc.no/atc', code: 'C08CA01' }] })).toEqual({
      code: 'C08CA01',
      system: 'http://www.whocc.no/atc',
      display: undefined,
    });
    expect(codeable({ text: '根管充填' })).toEqual({ code: undefined, system: undefined, display: '根管充填' });
    expect(codeable(undefined)).toBeUndefined();
  });
});
