import { parseArgs } from 'node:util';
import { type EntityManager } from 'typeorm';
import { AuthUsersError } from '../auth/auth-users.errors';
import { isRole, type Role } from '../auth/roles';
import { UserRepository } from '../auth/user.repository';

export const EXIT_OK = 0;
export const EXIT_USAGE = 64;
export const EXIT_REFUSED = 65;

const USAGE = `usage: revisit outreach users add --username NAME --roles agent[,supervisor,admin,auditor] --orgs ORG[,ORG]
                                  [--staff-id ID] [--name DISPLAY]   (password read from stdin)`;

export interface UsersCliIo {
  readonly manager: () => Promise<EntityManager>;
  readonly readPassword: () => Promise<string>;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

/** `revisit outreach users add ...`: creates a local-issuer user (the first admin of an install). */
export async function runUsersCli(args: readonly string[], io: UsersCliIo): Promise<number> {
  if (args[0] !== 'users' || args[1] !== 'add') {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...args.slice(2)],
      options: {
        username: { type: 'string' },
        roles: { type: 'string' },
        orgs: { type: 'string' },
        'staff-id': { type: 'string' },
        name: { type: 'string' },
      },
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const roles = (values['roles'] ?? '').split(',').map((role) => role.trim());
  const orgIds = (values['orgs'] ?? '')
    .split(',')
    .map((org) => org.trim())
    .filter(Boolean);
  const unknown = roles.filter((role) => !isRole(role));
  if (!values['username'] || orgIds.length === 0 || roles.length === 0 || unknown.length > 0) {
    io.stderr(`${unknown.length > 0 ? `unknown role(s): ${unknown.join(', ')}\n` : ''}${USAGE}`);
    return EXIT_USAGE;
  }
  const password = (await io.readPassword()).replace(/\r?\n$/, '');
  try {
    const id = await new UserRepository(await io.manager()).create({
      username: values['username'],
      password,
      roles: roles as Role[],
      orgIds,
      ...(values['staff-id'] ? { staffId: values['staff-id'] } : {}),
      ...(values['name'] ? { displayName: values['name'] } : {}),
    });
    io.stdout(`created user ${values['username']} (${id})`);
    return EXIT_OK;
  } catch (error) {
    if (!(error instanceof AuthUsersError)) throw error;
    io.stderr(`refused: ${error.code}: ${error.message}`);
    return EXIT_REFUSED;
  }
}
