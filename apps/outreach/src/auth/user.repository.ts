import { randomUUID } from 'node:crypto';
import { type EntityManager } from 'typeorm';
import { OUTREACH_SCHEMA } from '../database/outreach-schema';
import { AuthUsersError, AuthUsersErrorCode } from './auth-users.errors';
import { hashPassword } from './password-hasher';
import { type Role } from './roles';

const TABLE = `"${OUTREACH_SCHEMA}".auth_user`;
const MIN_PASSWORD_LENGTH = 12;

export interface LocalUser {
  readonly id: string;
  readonly username: string;
  readonly passwordHash: string;
  readonly displayName: string | null;
  readonly staffId: string | null;
  readonly roles: Role[];
  readonly orgIds: string[];
  readonly disabled: boolean;
}

export interface NewUser {
  readonly username: string;
  readonly password: string;
  readonly displayName?: string;
  readonly staffId?: string;
  readonly roles: readonly Role[];
  readonly orgIds: readonly string[];
}

interface UserRow {
  id: string;
  username: string;
  password_hash: string;
  display_name: string | null;
  staff_id: string | null;
  roles: Role[];
  org_ids: string[];
  disabled: boolean;
}

export class UserRepository {
  constructor(private readonly manager: EntityManager) {}

  async findByUsername(username: string): Promise<LocalUser | undefined> {
    const rows: UserRow[] = await this.manager.query(`SELECT * FROM ${TABLE} WHERE username = $1`, [
      username.normalize('NFC'),
    ]);
    const row = rows[0];
    if (!row) return undefined;
    return {
      id: row.id,
      username: row.username,
      passwordHash: row.password_hash,
      displayName: row.display_name,
      staffId: row.staff_id,
      roles: row.roles,
      orgIds: row.org_ids,
      disabled: row.disabled,
    };
  }

  /** Creates a user with an argon2id hash; refuses short passwords and taken names. */
  async create(user: NewUser): Promise<string> {
    if ([...user.password].length < MIN_PASSWORD_LENGTH) {
      throw new AuthUsersError(AuthUsersErrorCode.WeakPassword, `use at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    const id = randomUUID();
    const inserted: unknown[] = await this.manager.query(
      `INSERT INTO ${TABLE} (id, username, password_hash, display_name, staff_id, roles, org_ids)
       VALUES ($1, $2, $3, $4, $5, $6::text[], $7::text[]) ON CONFLICT (username) DO NOTHING RETURNING id`,
      [
        id,
        user.username.normalize('NFC'),
        await hashPassword(user.password),
        user.displayName ?? null,
        user.staffId ?? null,
        user.roles,
        user.orgIds,
      ],
    );
    if (inserted.length === 0) throw new AuthUsersError(AuthUsersErrorCode.UsernameTaken, 'choose another username');
    return id;
  }
}
