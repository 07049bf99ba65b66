import { type DataSource } from 'typeorm';
import { type Role } from '../../src/auth/roles';
import { UserRepository } from '../../src/auth/user.repository';

export const TEST_PASSWORD = 'correct horse battery staple';

/** Creates a local user and signs in through the token endpoint, as an agent's browser would. */
export async function signIn(
  db: DataSource,
  baseUrl: string,
  user: { username: string; roles: Role[]; orgIds: string[]; staffId?: string },
): Promise<string> {
  await new UserRepository(db.manager).create({ ...user, password: TEST_PASSWORD });
  const response = await fetch(`${baseUrl}/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: user.username, password: TEST_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${user.username} answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}
