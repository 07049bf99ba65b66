export { eventually, type EventuallyOptions } from './eventually';
export { kafkaBrokers, testDatabaseUrl, testRedisUrl, uniqueTopicPrefix } from './test-env';
export {
  canRestartTestBroker,
  restartTestBroker,
  startTestBroker,
  stopTestBroker,
  waitForTestBroker,
} from './test-broker';
export { createScratchDatabase, dropScratchDatabase } from './setup/test-database';
export { TEST_INFRA_FILE_ENV, type TestInfraDescriptor, type TestKafka } from './test-infra-descriptor';
export { freePort } from './free-port';
export { buildService, type ServiceApp, type ServiceProcess, spawnService } from './built-service';
export { TestIssuer } from './test-issuer';
