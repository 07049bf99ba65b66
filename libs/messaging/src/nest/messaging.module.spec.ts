import { Global, Injectable, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { SchemaCatalogue } from '../core/schema-catalogue';
import { type EventEnvelope } from '../core/event-envelope';
import { MessagingRuntime } from '../messaging-runtime';
import { EventHandler } from '../registry/event-handler.decorator';
import { MessagingModule } from './messaging.module';

const A = 'revisit.followup.test-a.v1';
const B = 'revisit.followup.test-b.v1';
const catalogue = new SchemaCatalogue([
  { type: A, topic: A, partitions: 1, schema: {} },
  { type: B, topic: B, partitions: 1, schema: {} },
]);

@Injectable()
class FirstHandlers {
  @EventHandler(A)
  onA(_event: EventEnvelope): Promise<void> {
    return Promise.resolve();
  }
}

@Injectable()
class SecondHandlers {
  @EventHandler(A)
  alsoA(_event: EventEnvelope): Promise<void> {
    return Promise.resolve();
  }

  @EventHandler(B)
  onB(_event: EventEnvelope): Promise<void> {
    return Promise.resolve();
  }
}

// Never initialised: the registry check runs before anything connects.
const dataSource = new DataSource({ type: 'postgres', url: 'postgres://unused@127.0.0.1:1/none' });

// Stands where TypeOrmModule.forRoot (a global module exporting DataSource) sits in an app.
@Global()
@Module({ providers: [{ provide: DataSource, useValue: dataSource }], exports: [DataSource] })
class DatabaseModule {}

function appModule(providers: (typeof FirstHandlers | typeof SecondHandlers)[], subscriptions: string[]) {
  @Module({
    imports: [
      DatabaseModule,
      MessagingModule.forRoot({
        app: 'test',
        schema: 'test_app',
        groupId: 'test',
        brokers: ['127.0.0.1:1'],
        subscriptions,
        catalogue,
        autoStart: false,
      }),
    ],
    providers,
  })
  class AppModule {}
  return AppModule;
}

async function boot(module: ReturnType<typeof appModule>): Promise<unknown> {
  try {
    const app = await NestFactory.createApplicationContext(module, { logger: false, abortOnError: false });
    return app;
  } catch (error) {
    return error;
  }
}

describe('MessagingModule boot', () => {
  it('fails when a subscribed type has no handler, naming the type', async () => {
    const result = await boot(appModule([FirstHandlers], [A, B]));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain(`no @EventHandler for subscribed event type "${B}"`);
  });

  it('fails when a type has two handlers, naming the type and both providers', async () => {
    const result = await boot(appModule([FirstHandlers, SecondHandlers], [A, B]));
    expect(result).toBeInstanceOf(Error);
    expect((result as Error).message).toContain(
      `event type "${A}" has 2 handlers: FirstHandlers.onA, SecondHandlers.alsoA`,
    );
  });

  it('boots when every subscribed type has exactly one handler', async () => {
    const result = await boot(appModule([FirstHandlers], [A]));
    expect(result).not.toBeInstanceOf(Error);
    const app = result as Awaited<ReturnType<typeof NestFactory.createApplicationContext>>;
    expect(app.get(MessagingRuntime)).toBeInstanceOf(MessagingRuntime);
    await app.close();
  });
});
