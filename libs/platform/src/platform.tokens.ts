/** The service's redacting pino logger. */
export const SERVICE_LOGGER = Symbol('SERVICE_LOGGER');
/** The validated common configuration (`CommonConfig`) shared by infrastructure modules. */
export const COMMON_CONFIG = Symbol('COMMON_CONFIG');
/** The service name (`ingest`, `scheduler`, ...). */
export const SERVICE_NAME = Symbol('SERVICE_NAME');
