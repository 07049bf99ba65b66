/**
 * Keys whose values are patient data or secrets. Matching is done on a normalised key (lower case, no
 * separators), so `patient_name`, `patientName` and `Patient-Name` are the same key.
 */
const EXACT_KEYS = new Set([
  // patient identity
  'name',
  'patientname',
  'fullname',
  'familyname',
  'givenname',
  'firstname',
  'lastname',
  'middlename',
  'contactname',
  'guardianname',
  'xingming',
  'identifier',
  'identifiers',
  'idcard',
  'idcardno',
  'idnumber',
  'idno',
  'nationalid',
  'residentid',
  'passport',
  'passportno',
  'ssn',
  'mrn',
  'medicalrecordnumber',
  'insurancenumber',
  'address',
  'addresses',
  'addr',
  'street',
  'birthdate',
  'dateofbirth',
  'dob',
  'birthday',
  'email',
  'wechat',
  'wechatid',
  'openid',
  // secrets
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'apikey',
  'xapikey',
  'credentials',
  'privatekey',
]);

// Substrings that make any key sensitive, whatever surrounds them (`homePhone`, `db_password`, `jwtToken`).
const KEY_FRAGMENTS = ['phone', 'mobile', 'telephone', 'password', 'passwd', 'secret', 'token', 'idcard'];

export function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function isSensitiveKey(key: string): boolean {
  const normalised = normaliseKey(key);
  if (normalised === '') return false;
  return EXACT_KEYS.has(normalised) || KEY_FRAGMENTS.some((fragment) => normalised.includes(fragment));
}
