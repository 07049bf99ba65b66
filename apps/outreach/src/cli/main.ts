#!/usr/bin/env node
import 'reflect-metadata';
import { createLogger } from '@revisit/observability';
import { buildDataSourceOptions, prepareDatabase } from '@revisit/persistence';
import { DataSource } from 'typeorm';
import { OUTREACH_MIGRATIONS } from '../database/migrations';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { runUsersCli } from './users-cli';

// Entry of `revisit outreach ...` (spawned by the revisit dispatcher, or run directly with node).
async function main(): Promise<number> {
  let dataSource: DataSource | undefined;
  try {
    return await runUsersCli(process.argv.slice(2), {
      manager: async () => {
        const url = process.env['DATABASE_URL'];
        if (!url) throw new Error('DATABASE_URL is not set');
        // The service's own options (schema, search_path, migrations table), so the CLI sees the migrations
        // the running service applied and never replays them.
        dataSource = await new DataSource(
          buildDataSourceOptions({
            schema: OUTREACH_SCHEMA,
            url,
            migrations: OUTREACH_MIGRATIONS,
            applicationName: 'revisit-outreach-cli',
            logger: createLogger({ service: 'outreach-cli', level: 'warn' }),
            poolSize: 2, // prepareDatabase holds one connection for its lock while migrations use another
          }),
        ).initialize();
        await prepareDatabase(dataSource, OUTREACH_SCHEMA);
        return dataSource.manager;
      },
      readPassword: async () => {
        const chunks: Buffer[] = [];
        for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
        return Buffer.concat(chunks).toString('utf8');
      },
      stdout: (text) => process.stdout.write(`${text}\n`),
      stderr: (text) => process.stderr.write(`${text}\n`),
    });
  } finally {
    await dataSource?.destroy();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`outreach: ${error instanceof Error ? error.message : 'failed'}\n`);
    process.exitCode = 1;
  },
);
