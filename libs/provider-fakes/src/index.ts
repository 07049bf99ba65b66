export * from './fake-http-server';
export * from './signed-json-pusher';
export * from './per-number-rate-limiter';
export * from './receipt-receiver';
export * from './fake-voice-robot.server';
export * from './fake-alibaba-sms.server';
export * from './behaviour/seeded-draw';
export * from './behaviour/patient-behaviour';
