/** Why a dispense's days of supply could not be computed; each one is flagged for a pharmacist. */
export enum SupplyProblemCode {
  SigMissing = 'supply.sig-missing',
  SigAsNeeded = 'supply.sig-as-needed',
  SigFrequencyUnreadable = 'supply.sig-frequency-unreadable',
  SigDoseUnreadable = 'supply.sig-dose-unreadable',
  UnitNotConvertible = 'supply.unit-not-convertible',
  QuantityNotPositive = 'supply.quantity-not-positive',
}

export const SUPPLY_PROBLEM_TEXT: Readonly<Record<SupplyProblemCode, string>> = {
  [SupplyProblemCode.SigMissing]: 'no usage instruction and no days of supply on the dispense',
  [SupplyProblemCode.SigAsNeeded]: 'taken as needed (prn): no regular consumption to compute a run-out date from',
  [SupplyProblemCode.SigFrequencyUnreadable]: 'the frequency in the usage instruction could not be read',
  [SupplyProblemCode.SigDoseUnreadable]: 'the dose per administration in the usage instruction could not be read',
  [SupplyProblemCode.UnitNotConvertible]: 'the dispensed unit cannot be converted into the dose unit',
  [SupplyProblemCode.QuantityNotPositive]: 'the dispensed quantity is not positive',
};
