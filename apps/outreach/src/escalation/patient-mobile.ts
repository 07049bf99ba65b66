import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';

/** The patient's preferred mobile number (E.164) from the EMPI read model, if any. */
export async function patientMobile(
  manager: EntityManager,
  orgId: string,
  patientId: string,
): Promise<string | undefined> {
  const rows: { phones: { number: string; kind: string }[] | null }[] = await manager.query(
    `SELECT demographics->'phones' AS phones FROM "${OUTREACH_SCHEMA}".patient WHERE org_id = $1 AND patient_id = $2`,
    [orgId, patientId],
  );
  return rows[0]?.phones?.find((phone) => phone.kind === 'mobile')?.number;
}
