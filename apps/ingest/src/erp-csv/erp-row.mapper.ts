import { parseResidentIdCard } from '@revisit/domain';
import { chargeFrom } from '../normalise/charge';
import { localDateTimeToIso } from '../normalise/date-time';
import {
  type LocalIdentifier,
  type NormalisedEvent,
  normalisedEvent,
  type NormalisedPhone,
} from '../normalise/normalised-event';
import { makeName } from '../normalise/person-name';
import { normalisePhone } from '../normalise/phone';
import { type ErpColumn } from './column-mapping';
import { ErpCsvErrorCode, type ErpCsvRowError } from './erp-csv.errors';

export interface ErpRowContext {
  readonly row: number;
  readonly sourceSystem: string;
  readonly zone: string;
}

export type ErpRowOutcome =
  { readonly ok: true; readonly event: NormalisedEvent } | { readonly ok: false; readonly errors: ErpCsvRowError[] };

/** One sale line to a dispense (or, with a negative quantity, a return: 退货/退药). */
export function mapErpRow(value: (column: ErpColumn) => string | undefined, ctx: ErpRowContext): ErpRowOutcome {
  const errors: ErpCsvRowError[] = [];
  const fail = (column: ErpColumn | undefined, code: ErpCsvErrorCode, message: string): void => {
    errors.push({ row: ctx.row, ...(column ? { column } : {}), code, message });
  };

  const identifiers: LocalIdentifier[] = [];
  const memberId = value('memberId');
  if (memberId) identifiers.push({ value: memberId, system: `${ctx.sourceSystem}/member`, type: 'MB' });
  const idCard = value('idCard');
  if (idCard) {
    const parsed = parseResidentIdCard(idCard);
    if (parsed.ok) identifiers.push({ value: parsed.card.value, type: 'NI' });
    else fail('idCard', ErpCsvErrorCode.INVALID_ID_CARD, `Resident ID card number is invalid (${parsed.problem})`);
  }
  const phones: NormalisedPhone[] = [];
  const rawPhone = value('phone');
  if (rawPhone) {
    // Pharmacy members are mainland customers: anything the PhoneNumber rules refuse is a typo.
    const phone = normalisePhone(rawPhone);
    if (phone?.mainland) phones.push({ value: phone.value, use: phone.mobile ? 'mobile' : 'other' });
    else
      fail(
        'phone',
        ErpCsvErrorCode.INVALID_PHONE,
        'Phone number is neither a mainland mobile nor a landline with area code',
      );
  }
  if (!memberId && !idCard && !rawPhone) {
    fail(undefined, ErpCsvErrorCode.NO_PATIENT_IDENTIFIER, 'Row has no member id, ID card or phone');
  }

  const drugCode = value('drugCode');
  const drugName = value('drugName');
  if (!drugCode && !drugName)
    fail('drugCode', ErpCsvErrorCode.MISSING_VALUE, 'Row has neither drug code nor drug name');

  const rawQuantity = value('quantity');
  const quantity = rawQuantity === undefined ? undefined : Number(rawQuantity.replace(/,/g, ''));
  if (rawQuantity === undefined) fail('quantity', ErpCsvErrorCode.MISSING_VALUE, 'Quantity is empty');
  else if (quantity === undefined || !Number.isFinite(quantity) || quantity === 0) {
    fail('quantity', ErpCsvErrorCode.INVALID_QUANTITY, 'Quantity is not a non-zero number');
  }

  const rawTime = value('dispensedAt');
  const dispensedAt = rawTime ? localDateTimeToIso(rawTime, ctx.zone) : undefined;
  if (!rawTime) fail('dispensedAt', ErpCsvErrorCode.MISSING_VALUE, 'Dispense time is empty');
  else if (!dispensedAt)
    fail('dispensedAt', ErpCsvErrorCode.INVALID_DATETIME, 'Dispense time is not a recognised date-time');

  const store = value('store');
  if (!store) fail('store', ErpCsvErrorCode.MISSING_VALUE, 'Store is empty');

  const rawDays = value('daysSupply');
  const daysSupply = rawDays !== undefined && /^\d+$/.test(rawDays) ? Number(rawDays) : undefined;

  // A return line's amount is negative; the reversal carries no charge, so only sales are read.
  const rawAmount = value('amount');
  const charge = rawAmount !== undefined && quantity !== undefined && quantity > 0 ? chargeFrom(rawAmount) : undefined;
  if (rawAmount !== undefined && quantity !== undefined && quantity > 0 && !charge)
    fail('amount', ErpCsvErrorCode.INVALID_AMOUNT, 'Amount is not a non-negative sum in yuan (at most 4 decimals)');

  if (errors.length > 0 || quantity === undefined) return { ok: false, errors };
  const name = makeName(undefined, undefined, undefined, value('name'));
  const returned = quantity < 0;
  const ticket = value('ticketNo');
  const event = normalisedEvent(
    returned ? 'revisit.clinical.medication-dispense-reversed.v1' : 'revisit.clinical.medication-dispensed.v1',
    {
      source: { format: 'erp-csv', system: ctx.sourceSystem, messageId: ticket ?? `row-${ctx.row}` },
      occurredAt: dispensedAt,
      patient: { enterpriseId: null, identifiers, names: name ? [name] : [], phones, addresses: [] },
      data: {
        dispenseId: ticket ? `${store}:${ticket}:${drugCode ?? drugName}` : undefined,
        drug: { code: drugCode, display: drugName },
        quantity: { value: Math.abs(quantity), unit: value('unit') },
        sig: value('sig'),
        daysSupply,
        dispensedAt,
        dispenser: value('staff'),
        store,
        reason: returned ? 'returned' : undefined,
        charge,
      },
    },
  );
  return { ok: true, event };
}
