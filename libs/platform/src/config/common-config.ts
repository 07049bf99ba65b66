import { type Static, Type } from '@sinclair/typebox';
import { commonConfigProperties } from './common-config.schema';

export const commonConfigSchema = Type.Object(commonConfigProperties);
export type CommonConfig = Static<typeof commonConfigSchema>;
