import { type DynamicModule, Module } from '@nestjs/common';
import { READ_MODEL_ZONE, ReadModelConsumer } from './read-model.consumer';

/** Builds the analytics read models from the event stream. */
@Module({})
export class ReadModelsModule {
  static forZone(zone: string): DynamicModule {
    return {
      module: ReadModelsModule,
      providers: [{ provide: READ_MODEL_ZONE, useValue: zone }, ReadModelConsumer],
    };
  }
}
