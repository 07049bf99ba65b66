import { type EntityManager } from 'typeorm';
import { EXIT_USAGE, runUsersCli } from './users-cli';

describe('revisit outreach users add', () => {
  const io = (errors: string[]) => ({
    manager: (): Promise<EntityManager> => Promise.reject(new Error('the database must not be touched')),
    readPassword: () => Promise.resolve('a long enough password'),
    stdout: () => undefined,
    stderr: (text: string) => errors.push(text),
  });

  it.each([
    [['users', 'remove']],
    [['users', 'add', '--username', 'li', '--roles', 'agent']],
    [['users', 'add', '--username', 'li', '--roles', 'root', '--orgs', 'org-a']],
    [['users', 'add', '--bogus']],
  ])('refuses %j with usage and exit 64 before touching the database', async (args) => {
    const errors: string[] = [];
    expect(await runUsersCli(args, io(errors))).toBe(EXIT_USAGE);
    expect(errors.join('\n')).toMatch(/usage: revisit outreach users add/);
  });
});
