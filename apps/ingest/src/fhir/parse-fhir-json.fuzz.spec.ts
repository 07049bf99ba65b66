import fc from 'fast-check';
import { FhirRejectionCode } from './fhir.errors';
import { parseFhirJson } from './use-cases/parse-fhir-json';

describe('parseFhirJson on hostile input', () => {
  it('never throws for arbitrary JSON shaped like resources', () => {
    const resourceType = fc.constantFrom(
      'Patient',
      'Encounter',
      'Procedure',
      'MedicationRequest',
      'MedicationDispense',
      'Appointment',
      'Bundle',
    );
    fc.assert(
      fc.property(
        resourceType,
        fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue({ maxDepth: 3 })),
        (type, body) => {
          const results = parseFhirJson(JSON.stringify({ ...body, resourceType: type }));
          for (const r of results) {
            if (r.accepted) continue;
            expect(r.outcome.resourceType).toBe('OperationOutcome');
            expect(r.rejection.code).not.toBe(FhirRejectionCode.INTERNAL_ERROR);
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('never fails internally on transaction Bundles of random resources', () => {
    const resourceType = fc.constantFrom(
      'Patient',
      'Encounter',
      'Procedure',
      'MedicationRequest',
      'MedicationDispense',
      'Appointment',
    );
    const entry = fc.record({
      fullUrl: fc.constantFrom('urn:uuid:a', 'urn:uuid:b', 'Patient/1'),
      request: fc.record({ method: fc.constantFrom('POST', 'PUT', 'GET', 'DELETE', 'PATCH') }),
      resource: fc
        .tuple(
          resourceType,
          fc.dictionary(
            fc.constantFrom(
              'id',
              'status',
              'subject',
              'identifier',
              'name',
              'code',
              'participant',
              'medicationReference',
              'contained',
              'telecom',
            ),
            fc.jsonValue({ maxDepth: 3 }),
          ),
        )
        .map(([t, body]) => ({ ...body, resourceType: t })),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 6 }), (entries) => {
        for (const r of parseFhirJson(
          JSON.stringify({ resourceType: 'Bundle', type: 'transaction', entry: entries }),
        )) {
          expect(r.accepted || r.rejection.code !== FhirRejectionCode.INTERNAL_ERROR).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('never throws for arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expect(parseFhirJson(text).length).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
