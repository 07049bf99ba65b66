export * from './sms-channel';
export * from './sms-channel.errors';
export * from './sms-channel.factory';
export { AlibabaSmsChannel, type AlibabaSmsOptions } from './alibaba/alibaba-sms.channel';
export { loadAlibabaSmsConfig, type AlibabaSmsConfig } from './alibaba/alibaba-sms.config';
export { parseAlibabaReceipts, ALIBABA_RECEIPT_ACK } from './alibaba/alibaba-sms-receipt';
export { TencentSmsChannel, type TencentSmsOptions } from './tencent/tencent-sms.channel';
export { loadTencentSmsConfig, type TencentSmsConfig } from './tencent/tencent-sms.config';
export { parseTencentReceipts, TENCENT_RECEIPT_ACK } from './tencent/tencent-sms-receipt';
