import 'reflect-metadata';
import { residentIdCheckChar } from '@revisit/domain';
import { eventually } from '@revisit/testing';
import { type DataSource } from 'typeorm';
import { FakeOidcIssuer } from './support/fake-oidc-issuer';
import { type IngestUnderTest, registerSource, releaseSource, startIngest } from './support/ingest-under-test';
import { KafkaRecorder } from './support/kafka-recorder';
import { MllpTestClient, segment } from './support/mllp-test-client';

jest.setTimeout(180_000);

const card = (first17: string): string => first17 + residentIdCheckChar(first17);
const CHEN_CARD = card('11010519720514003');

let sequence = 0;
interface Pid {
  readonly ids: string;
  readonly name: string;
  readonly birth?: string;
  readonly sex: 'M' | 'F';
  readonly phone?: string;
}
/** Synthetic ADT messages (no real patient); control ids unique per run. */
function adt(trigger: 'A04' | 'A01' | 'A08', sender: string, pid: Pid, pv1?: string): string {
  return [
    `MSH|^~\\&|${sender}|REVISIT|FU|20260301081500||ADT^${trigger}^ADT_A01|EMPI-${process.pid}-${++sequence}|P|2.5||||||UNICODE UTF-8`,
    `EVN|${trigger}|20260301081500`,
    `PID|1||${pid.ids}||${pid.name}||${pid.birth ?? ''}|${pid.sex}|||||${pid.phone ? `${pid.phone}^PRN^CP` : ''}`,
    ...(pv1 ? [pv1] : []),
  ].join('\r');
}
const HIS = 'HIS|HOSP-A';
/** A tenant of this run's own, so events of earlier runs on a shared broker are not counted. */
const ORG = `org-test-hospital-${process.pid.toString(36)}${Date.now().toString(36)}`;
const PHARMACY = 'POS|STORE-1';
const CLINIC = 'EMR|INTL-CLINIC';

/** Events go through the outbox relay and the broker: allow for a relay still starting up. */
const onKafka = (assertion: () => void): Promise<void> => eventually(assertion, { timeoutMs: 60_000, intervalMs: 200 });

describe('EMPI (real PostgreSQL and Kafka)', () => {
  let ingest: IngestUnderTest;
  let db: DataSource;
  let mllp: MllpTestClient;
  let issuer: FakeOidcIssuer;
  let engine: { id: string; apiKey: string };
  let SUPERVISOR: Record<string, string>;
  let AGENT: Record<string, string>;
  const kafka = new KafkaRecorder(ORG);

  beforeAll(async () => {
    await kafka.start([
      'revisit.patient.registered.v1',
      'revisit.patient.linked.v1',
      'revisit.patient.merged.v1',
      'revisit.patient.unmerged.v1',
      'revisit.patient.updated.v1',
      'revisit.clinical.encounter-started.v1',
    ]);
    issuer = await FakeOidcIssuer.start();
    ingest = await startIngest({
      STAFF_OIDC_ISSUER_URL: issuer.issuer,
      ORG_ID: ORG,
      EMPI_POLL_INTERVAL_MS: '50',
    });
    db = ingest.db;
    // The hospital's interface engine forwards every system's feed over one MLLP connection.
    engine = await registerSource(ingest, {
      id: 'empi-engine',
      identifierSystems: ['HOSP-A', 'PHARM-ERP', 'INTL-CLINIC', 'CHN'],
      mllpPeerAddresses: ['127.0.0.1'],
    });
    const bearer = async (sub: string, roles: string[]) => ({
      authorization: `Bearer ${await issuer.token({ sub, staff_id: sub, roles })}`,
    });
    SUPERVISOR = await bearer('staff-sup-01', ['supervisor']);
    AGENT = await bearer('staff-agent-07', ['agent']);
    mllp = await MllpTestClient.open(ingest.mllpPort);
  });

  afterAll(async () => {
    mllp?.close();
    await kafka.stop();
    if (engine) await releaseSource(ingest, engine.id);
    await ingest?.service.app.close();
    await issuer?.close();
  });

  /** Sends over MLLP, expects AA, and waits until the EMPI stage has taken the message through. */
  async function feed(message: string): Promise<void> {
    const ack = await mllp.send(message);
    expect(segment(ack, 'MSA')[1]).toBe('AA');
    const controlId = segment(message, 'MSH')[9];
    await eventually(
      async () => {
        const [row] = (await db.query(`SELECT empi_processed_at FROM ingest.raw_message WHERE control_id = $1`, [
          controlId,
        ])) as { empi_processed_at: Date | null }[];
        expect(row?.empi_processed_at).toBeTruthy();
      },
      { timeoutMs: 30_000 },
    );
  }

  async function api(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}) {
    const response = await fetch(`${ingest.url}${path}`, {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    return {
      status: response.status,
      type: response.headers.get('content-type'),
      body: (await response.json()) as unknown,
    };
  }

  const pix = async (identifier: string) =>
    api(`/v1/empi/identifiers?identifier=${encodeURIComponent(identifier)}`, { headers: AGENT });
  const enterpriseOf = async (identifier: string): Promise<string> =>
    ((await pix(identifier)).body as { enterpriseId: string }).enterpriseId;

  it('gives a patient arriving from two systems one enterprise id, and PIX returns both systems’ ids', async () => {
    await feed(
      adt('A04', HIS, {
        ids: `A-100^^^HOSP-A^MR~${CHEN_CARD}^^^CHN^NI`,
        name: '陈^志强',
        birth: '19720514',
        sex: 'M',
        phone: '13800001111',
      }),
    );
    await feed(
      adt('A04', PHARMACY, {
        ids: `V-200^^^PHARM-ERP^MB~${CHEN_CARD}^^^CHN^NI`,
        name: '陈^志强',
        birth: '19720514',
        sex: 'M',
      }),
    );

    const xref = await pix('HOSP-A|A-100');
    expect(xref.status).toBe(200);
    const enterpriseId = (xref.body as { enterpriseId: string }).enterpriseId;
    expect(enterpriseId).toMatch(/^EP\d{10}$/);
    expect((xref.body as { identifiers: unknown[] }).identifiers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ system: 'HOSP-A', value: 'A-100', sourceSystem: 'HIS@HOSP-A', localId: 'A-100' }),
        expect.objectContaining({ system: 'PHARM-ERP', value: 'V-200', sourceSystem: 'POS@STORE-1', localId: 'V-200' }),
      ]),
    );
    expect(await enterpriseOf('PHARM-ERP|V-200')).toBe(enterpriseId);

    await onKafka(() => {
      expect(kafka.of('revisit.patient.registered.v1', enterpriseId)).toHaveLength(1);
      expect(kafka.of('revisit.patient.linked.v1', enterpriseId).map((e) => e.data)).toEqual([
        expect.objectContaining({
          source: { system: 'POS@STORE-1', localId: 'V-200' },
          matchState: 'MATCH',
          method: 'AUTO',
        }),
      ]);
    });

    // A clinical fact from the hospital leaves ingest keyed by the enterprise id.
    await feed(
      adt(
        'A01',
        HIS,
        { ids: 'A-100^^^HOSP-A^MR', name: '陈^志强', birth: '19720514', sex: 'M' },
        'PV1|1|O|CARD^^^HOSP-A||||D001^王^医生|||CARD|||||||||V-9001|||||||||||||||||||||||||20260301081000',
      ),
    );
    await onKafka(() => {
      const [started] = kafka.of('revisit.clinical.encounter-started.v1', enterpriseId);
      expect(started?.data).toMatchObject({
        encounterId: 'V-9001',
        orgId: ORG,
        patient: { enterpriseId, sourceSystem: 'HIS@HOSP-A', localId: 'A-100' },
      });
    });

    const search = await api(`/v1/empi/patients?name=${encodeURIComponent('陈志强')}&birthDate=1972-05-14`, {
      headers: AGENT,
    });
    expect(search.status).toBe(200);
    const [best] = (search.body as { patients: { enterpriseId: string; grade: string; sourceRecords: unknown[] }[] })
      .patients;
    expect(best).toMatchObject({ enterpriseId, grade: 'probable' });
    expect(best!.sourceRecords).toHaveLength(2);
    expect((await api('/v1/empi/patients', { headers: AGENT })).body).toMatchObject({
      code: 'empi.search-needs-criteria',
    });
    const metrics = await (await fetch(`${ingest.url}/metrics`)).text();
    expect(metrics).toMatch(/^ingest_empi_messages_total\{outcome="linked"[^}]*\} [1-9]/m);
    expect((await pix('HOSP-A|NOPE')).status).toBe(404);
    expect((await pix('no-bar')).status).toBe(400);
    expect((await api('/v1/empi/identifiers?identifier=HOSP-A%7CA-100')).status).toBe(401);
  });

  it('sends a POSSIBLE_MATCH to review; a supervisor’s link emits patient.linked and merges the provisional id', async () => {
    await feed(
      adt('A04', HIS, { ids: 'A-200^^^HOSP-A^MR', name: '黄^伟东', birth: '19800302', sex: 'M', phone: '13911112222' }),
    );
    await feed(adt('A04', CLINIC, { ids: 'B-300^^^INTL-CLINIC^MR', name: 'Huang^Weidong^^^^^L^A', sex: 'M' }));
    const his = await enterpriseOf('HOSP-A|A-200');
    const provisional = await enterpriseOf('INTL-CLINIC|B-300');
    expect(provisional).not.toBe(his);

    expect((await api('/v1/empi/reviews', { headers: AGENT })).status).toBe(403);
    const listed = await api('/v1/empi/reviews', { headers: SUPERVISOR });
    const review = (
      listed.body as { reviews: { id: string; candidateEnterpriseId: string; sourceRecord: { localId: string } }[] }
    ).reviews.find((r) => r.sourceRecord.localId === 'B-300');
    expect(review).toMatchObject({ candidateEnterpriseId: his });

    const decided = await api(`/v1/empi/reviews/${review!.id}/decision`, {
      method: 'POST',
      headers: SUPERVISOR,
      body: { decision: 'link', reason: 'Same passport photo at the front desk' },
    });
    expect(decided).toMatchObject({ status: 200, body: { status: 'linked', enterpriseId: his } });
    const again = await api(`/v1/empi/reviews/${review!.id}/decision`, {
      method: 'POST',
      headers: SUPERVISOR,
      body: { decision: 'link', reason: 'twice' },
    });
    expect(again).toMatchObject({ status: 409, body: { code: 'empi.review-already-decided' } });

    expect(await enterpriseOf('INTL-CLINIC|B-300')).toBe(his);
    await onKafka(() => {
      expect(kafka.of('revisit.patient.linked.v1', his).map((e) => e.data)).toContainEqual(
        expect.objectContaining({
          source: { system: 'EMR@INTL-CLINIC', localId: 'B-300' },
          method: 'MANUAL',
          linkedByStaffId: 'staff-sup-01',
        }),
      );
      expect(kafka.of('revisit.patient.merged.v1', his).map((e) => e.data)).toContainEqual(
        expect.objectContaining({ retiredEnterpriseId: provisional, method: 'MANUAL' }),
      );
    });
    const [audit] = (await db.query(
      `SELECT actor, reason FROM ingest.empi_audit WHERE action = 'review-link' AND detail->>'reviewId' = $1`,
      [review!.id],
    )) as { actor: string; reason: string }[];
    expect(audit).toEqual({ actor: 'staff-sup-01', reason: 'Same passport photo at the front desk' });
    // Who/when/why cannot be rewritten afterwards, not even by the service's own database role.
    await expect(
      db.query(`UPDATE ingest.empi_audit SET reason = 'edited' WHERE action = 'review-link'`),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM ingest.empi_audit`)).rejects.toThrow(/append-only/);
  });

  it('keeps a manual not-link when the source record is updated and re-matched', async () => {
    await feed(
      adt('A04', HIS, { ids: 'A-300^^^HOSP-A^MR', name: '赵^丽华', birth: '19650709', sex: 'F', phone: '13722223333' }),
    );
    await feed(adt('A04', CLINIC, { ids: 'B-400^^^INTL-CLINIC^MR', name: 'Zhao^Lihua^^^^^L^A', sex: 'F' }));
    const his = await enterpriseOf('HOSP-A|A-300');
    const clinic = await enterpriseOf('INTL-CLINIC|B-400');
    const listed = await api('/v1/empi/reviews', { headers: SUPERVISOR });
    const review = (listed.body as { reviews: { id: string; sourceRecord: { localId: string } }[] }).reviews.find(
      (r) => r.sourceRecord.localId === 'B-400',
    )!;
    const decided = await api(`/v1/empi/reviews/${review.id}/decision`, {
      method: 'POST',
      headers: SUPERVISOR,
      body: { decision: 'not-link', reason: 'Different person: namesake' },
    });
    expect(decided).toMatchObject({ status: 200, body: { status: 'not-linked', enterpriseId: clinic } });

    // The clinic updates its record (new phone): re-matching runs, the steward's decision holds.
    await feed(
      adt('A08', CLINIC, { ids: 'B-400^^^INTL-CLINIC^MR', name: 'Zhao^Lihua^^^^^L^A', sex: 'F', phone: '13755556666' }),
    );
    expect(await enterpriseOf('INTL-CLINIC|B-400')).toBe(clinic);
    expect(await enterpriseOf('HOSP-A|A-300')).toBe(his);
    const open = (await api('/v1/empi/reviews', { headers: SUPERVISOR })).body as {
      reviews: { sourceRecord: { localId: string } }[];
    };
    expect(open.reviews.filter((r) => r.sourceRecord.localId === 'B-400')).toEqual([]);
    await onKafka(() => {
      expect(kafka.of('revisit.patient.updated.v1', clinic).map((e) => e.data)).toContainEqual(
        expect.objectContaining({ changedFields: ['phones'] }),
      );
    });
  });

  it('merges and unmerges enterprise patients, with events, and PIX follows', async () => {
    await feed(adt('A04', HIS, { ids: 'A-400^^^HOSP-A^MR', name: '孙^海涛', birth: '19900101', sex: 'M' }));
    await feed(adt('A04', HIS, { ids: 'A-401^^^HOSP-A^MR', name: '钱^小燕', birth: '19881212', sex: 'F' }));
    const surviving = await enterpriseOf('HOSP-A|A-400');
    const retired = await enterpriseOf('HOSP-A|A-401');
    expect(retired).not.toBe(surviving);

    const body = {
      survivingEnterpriseId: surviving,
      retiredEnterpriseId: retired,
      reason: 'Registration clerk keyed a second record',
    };
    expect((await api('/v1/empi/merges', { method: 'POST', headers: AGENT, body })).status).toBe(403);
    const merged = await api('/v1/empi/merges', { method: 'POST', headers: SUPERVISOR, body });
    expect(merged.status).toBe(201);
    const mergeId = (merged.body as { id: string }).id;
    expect(await enterpriseOf('HOSP-A|A-401')).toBe(surviving);
    expect(
      ((await pix('HOSP-A|A-400')).body as { identifiers: { value: string }[] }).identifiers.map((i) => i.value),
    ).toEqual(expect.arrayContaining(['A-400', 'A-401']));
    const again = await api('/v1/empi/merges', { method: 'POST', headers: SUPERVISOR, body });
    expect(again).toMatchObject({ status: 409, body: { code: 'empi.patient-not-active' } });

    const unmerged = await api(`/v1/empi/merges/${mergeId}/unmerge`, {
      method: 'POST',
      headers: SUPERVISOR,
      body: { reason: 'Two different people after all', reasonCode: 'wrong-match' },
    });
    expect(unmerged.status).toBe(200);
    expect(await enterpriseOf('HOSP-A|A-401')).toBe(retired);
    expect(
      ((await pix('HOSP-A|A-400')).body as { identifiers: { value: string }[] }).identifiers.map((i) => i.value),
    ).not.toContain('A-401');
    expect(
      (await api(`/v1/empi/merges/${mergeId}/unmerge`, { method: 'POST', headers: SUPERVISOR, body: { reason: 'x' } }))
        .status,
    ).toBe(409);

    await onKafka(() => {
      expect(kafka.of('revisit.patient.merged.v1', surviving).map((e) => e.data)).toContainEqual(
        expect.objectContaining({
          retiredEnterpriseId: retired,
          movedSourceRecords: [{ system: 'HIS@HOSP-A', localId: 'A-401' }],
          method: 'MANUAL',
          mergedByStaffId: 'staff-sup-01',
        }),
      );
      expect(kafka.of('revisit.patient.unmerged.v1', surviving).map((e) => e.data)).toContainEqual(
        expect.objectContaining({
          restoredEnterpriseId: retired,
          reasonCode: 'wrong-match',
          unmergedByStaffId: 'staff-sup-01',
        }),
      );
    });
  });

  it('grades FHIR Patient $match candidates: certain on the ID card, certainly-not on a different valid card', async () => {
    const chen = await enterpriseOf('HOSP-A|A-100');
    const match = async (patient: object) =>
      api('/fhir/r4/Patient/$match', {
        method: 'POST',
        headers: { ...AGENT, 'content-type': 'application/fhir+json' },
        body: {
          resourceType: 'Parameters',
          parameter: [{ name: 'resource', resource: { resourceType: 'Patient', ...patient } }],
        },
      });
    type MatchBundle = { entry: { resource: { id: string }; search: { extension: { valueCode: string }[] } }[] };
    const grade = (bundle: unknown, id: string) =>
      (bundle as MatchBundle).entry.find((e) => e.resource.id === id)?.search;

    const certain = await match({ identifier: [{ system: 'CHN', value: CHEN_CARD }] });
    expect(certain.status).toBe(200);
    expect(certain.type).toContain('application/fhir+json');
    expect(certain.body).toMatchObject({ resourceType: 'Bundle', type: 'searchset' });
    expect(grade(certain.body, chen)).toEqual({
      mode: 'match',
      score: 1,
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/match-grade', valueCode: 'certain' }],
    });

    const otherCard = card('11010519720514011');
    const stranger = await match({
      identifier: [{ system: 'CHN', value: otherCard }],
      name: [{ text: '陈志强', family: '陈', given: ['志强'] }],
      gender: 'male',
      birthDate: '1972-05-14',
    });
    expect(grade(stranger.body, chen)?.extension[0].valueCode).toBe('certainly-not');

    const bad = await match({});
    const invalid = await api('/fhir/r4/Patient/$match', {
      method: 'POST',
      headers: AGENT,
      body: { resourceType: 'Patient' },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body).toMatchObject({ resourceType: 'OperationOutcome' });
    expect(bad.status).toBe(400);
  });

  it('answers an IHE PIX Query (ITI-9, QBP^Q23) over MLLP with RSP^K23', async () => {
    const query = (qpd3: string, qpd4 = '') =>
      [
        `MSH|^~\\&|PIXCONSUMER|WARD|REVISIT|FU|20260301101500||QBP^Q23^QBP_Q21|PIX-${process.pid}-${++sequence}|P|2.5`,
        `QPD|IHE PIX Query|Q-${sequence}|${qpd3}|${qpd4}`,
        'RCP|I',
      ].join('\r');
    const found = await mllp.send(query('A-100^^^HOSP-A'));
    expect(segment(found, 'MSH')[8]).toBe('RSP^K23^RSP_K23');
    expect(segment(found, 'MSA')[1]).toBe('AA');
    expect(segment(found, 'QAK')[2]).toBe('OK');
    expect(segment(found, 'PID')[3]!.split('~')).toEqual(
      expect.arrayContaining(['V-200^^^PHARM-ERP^MB', `${CHEN_CARD}^^^CHN^NI`]),
    );

    const onlyPharmacy = await mllp.send(query('A-100^^^HOSP-A', '^^^PHARM-ERP'));
    expect(segment(onlyPharmacy, 'PID')[3]).toBe('V-200^^^PHARM-ERP^MB');

    const unknown = await mllp.send(query('A-999^^^HOSP-A'));
    expect(segment(unknown, 'MSA')[1]).toBe('AE');
    expect(segment(unknown, 'ERR')[2]).toBe('QPD^1^3^1^1');
    const unknownDomain = await mllp.send(query('A-100^^^NOWHERE'));
    expect(segment(unknownDomain, 'ERR')[2]).toBe('QPD^1^3^1^4');

    // Queries are answered, not stored as feed messages.
    const stored = (await db.query(
      `SELECT count(*)::int AS n FROM ingest.raw_message WHERE message_type LIKE 'QBP%'`,
    )) as { n: number }[];
    expect(stored[0]!.n).toBe(0);
  });
});
