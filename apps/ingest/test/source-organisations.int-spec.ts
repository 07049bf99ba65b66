import 'reflect-metadata';
import { eventually } from '@revisit/testing';
import { FakeOidcIssuer } from './support/fake-oidc-issuer';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';
import { KafkaRecorder } from './support/kafka-recorder';

jest.setTimeout(180_000);

const RUN = `${process.pid.toString(36)}${Date.now().toString(36)}`;
// Tenants of this run only, so earlier runs' events on a shared broker are not counted.
const HOSPITAL = `org-test-hospital-${RUN}`;
const PHARMACY = `org-test-pharmacy-${RUN}`;
const TOPICS = ['revisit.patient.registered.v1', 'revisit.clinical.encounter-started.v1'] as const;
const MERGES = ['revisit.patient.merged.v1', 'revisit.patient.unmerged.v1'] as const;

/** Two different people: the EMPI links records across sources, so one person would be registered once. */
function adt(controlId: string, authority: string, mrn: string, name: string, birth: string): string {
  return [
    `MSH|^~\\&|SYS|${authority}|REVISIT|FU|20260301081500||ADT^A04^ADT_A01|${controlId}|P|2.5||||||UNICODE UTF-8`,
    'EVN|A04|20260301081500',
    `PID|1||${mrn}^^^${authority}^MR||${name}||${birth}|F`,
    `PV1|1|O|CARD^^^${authority}||||D001^王^医生|||CARD|||||||||V${mrn}|||||||||||||||||||||||||20260301081000`,
  ].join('\r');
}

describe('facts reach downstream under their source organisation (real PostgreSQL and Kafka)', () => {
  let ingest: IngestUnderTest;
  let hospital: { id: string; apiKey: string };
  let pharmacy: { id: string; apiKey: string };
  let issuer: FakeOidcIssuer;
  const hospitalEvents = new KafkaRecorder(HOSPITAL);
  const pharmacyEvents = new KafkaRecorder(PHARMACY);

  beforeAll(async () => {
    await hospitalEvents.start([...TOPICS, ...MERGES]);
    await pharmacyEvents.start([...TOPICS, ...MERGES]);
    issuer = await FakeOidcIssuer.start();
    // The service's own ORG_ID is the hospital's: a source without an organisation keeps it.
    ingest = await startIngest({
      ORG_ID: HOSPITAL,
      EMPI_POLL_INTERVAL_MS: '50',
      STAFF_OIDC_ISSUER_URL: issuer.issuer,
    });
    hospital = await registerSource(ingest, { id: 'org-his', identifierSystems: [`H-${RUN}`] });
    pharmacy = await registerSource(ingest, { id: 'org-pos', orgId: PHARMACY, identifierSystems: [`P-${RUN}`] });
  });

  afterAll(async () => {
    await hospitalEvents.stop();
    await pharmacyEvents.stop();
    if (hospital) await releaseSource(ingest, hospital.id);
    if (pharmacy) await releaseSource(ingest, pharmacy.id);
    await ingest?.service.app.close();
    await issuer?.close();
  });

  const post = async (message: string, apiKey: string): Promise<string> => {
    const response = await fetch(`${ingest.url}/v1/hl7v2`, {
      method: 'POST',
      headers: { 'Content-Type': 'x-application/hl7-v2+er7', Authorization: `ApiKey ${apiKey}` },
      body: message,
    });
    expect(response.status).toBe(200);
    return response.text();
  };

  it("stamps each message's events with its source's organisation, and the service's ORG_ID without one", async () => {
    const hospitalVisit = adt(`ORG-H-${RUN}`, `H-${RUN}`, 'MH001', '陈^淑华', '19650312');
    const pharmacyVisit = adt(`ORG-P-${RUN}`, `P-${RUN}`, 'MP001', '赵^美玲', '19800521');
    expect(await post(hospitalVisit, hospital.apiKey)).toContain('MSA|AA|');
    expect(await post(pharmacyVisit, pharmacy.apiKey)).toContain('MSA|AA|');

    await eventually(
      () => {
        for (const recorder of [hospitalEvents, pharmacyEvents]) {
          for (const type of TOPICS) expect(recorder.of(type)).toHaveLength(1);
        }
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    const encounter = (recorder: KafkaRecorder) =>
      recorder.of('revisit.clinical.encounter-started.v1')[0] as { orgid: string; data: Record<string, unknown> };
    expect(encounter(hospitalEvents)).toMatchObject({ orgid: HOSPITAL, data: { orgId: HOSPITAL } });
    expect(encounter(pharmacyEvents)).toMatchObject({ orgid: PHARMACY, data: { orgId: PHARMACY } });
    expect((encounter(pharmacyEvents).data['patient'] as { localId: string }).localId).toBe('MP001');
  });

  it('announces a merge and its undoing to every organisation, each keyed by the shared enterprise ids', async () => {
    const pix = async (identifier: string): Promise<string> => {
      const response = await fetch(`${ingest.url}/v1/empi/identifiers?identifier=${encodeURIComponent(identifier)}`, {
        headers: { authorization: `Bearer ${await issuer.token({ sub: 'staff-a', roles: ['agent'] })}` },
      });
      return ((await response.json()) as { enterpriseId: string }).enterpriseId;
    };
    const surviving = await pix(`H-${RUN}|MH001`);
    const retired = await pix(`P-${RUN}|MP001`);
    const supervisor = {
      authorization: `Bearer ${await issuer.token({ sub: 'staff-sup', staff_id: 'staff-sup', roles: ['supervisor'] })}`,
      'content-type': 'application/json',
    };
    const merged = await fetch(`${ingest.url}/v1/empi/merges`, {
      method: 'POST',
      headers: supervisor,
      body: JSON.stringify({ survivingEnterpriseId: surviving, retiredEnterpriseId: retired, reason: 'same person' }),
    });
    expect(merged.status).toBe(201);
    const { id } = (await merged.json()) as { id: string };
    const unmerged = await fetch(`${ingest.url}/v1/empi/merges/${id}/unmerge`, {
      method: 'POST',
      headers: supervisor,
      body: JSON.stringify({ reason: 'two people after all' }),
    });
    expect(unmerged.status).toBe(200);

    await eventually(
      () => {
        for (const recorder of [hospitalEvents, pharmacyEvents]) {
          for (const type of MERGES) expect(recorder.of(type, surviving)).toHaveLength(1);
        }
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect(pharmacyEvents.of('revisit.patient.merged.v1', surviving)[0]).toMatchObject({
      orgid: PHARMACY,
      data: { survivingEnterpriseId: surviving, retiredEnterpriseId: retired },
    });
  });
});
