import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type MllpQueryHandler } from '../../mllp/mllp-query-handler';
import { EmpiError } from '../empi.errors';
import { EmpiRegistryRepository } from '../registry/empi-registry.repository';
import { queryCrossReferences } from '../use-cases/query-cross-references';
import { answerPixQuery, isPixQuery, type PixLookup } from './pix-query';

let counter = 0;

/** The PIX Manager side of ITI-9 over MLLP, reading the EMPI registry. */
@Injectable()
export class PixQueryService implements MllpQueryHandler {
  constructor(private readonly dataSource: DataSource) {}

  accepts(frame: Uint8Array): boolean {
    return isPixQuery(frame);
  }

  answer(frame: Uint8Array): Promise<Buffer> {
    const manager = this.dataSource.manager;
    const registry = new EmpiRegistryRepository(manager);
    const lookup: PixLookup = {
      isKnownDomain: (system) => registry.isKnownIdentifierSystem(system),
      crossReferences: async (system, value) => {
        try {
          return (await queryCrossReferences(manager, system, value)).identifiers;
        } catch (error) {
          if (error instanceof EmpiError) return undefined;
          throw error;
        }
      },
    };
    const now = new Date();
    return answerPixQuery(frame, lookup, {
      now,
      controlId: `PIX${now.getTime()}${String(++counter).padStart(4, '0')}`,
    });
  }
}
