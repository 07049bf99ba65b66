import { testDatabaseName, withDatabase } from './test-database';

describe('test database naming', () => {
  it('names the run database after the time and the Jest process', () => {
    expect(testDatabaseName(1_700_000_000_000, 4242)).toBe('revisit_test_1700000000000_4242');
  });

  it('swaps only the database of a server URL, keeping credentials and parameters', () => {
    expect(withDatabase('postgres://app:pw@db.local:6543/postgres?sslmode=require', 'revisit_test_1_2')).toBe(
      'postgres://app:pw@db.local:6543/revisit_test_1_2?sslmode=require',
    );
    expect(withDatabase('postgres://postgres@127.0.0.1:5432', 'x')).toBe('postgres://postgres@127.0.0.1:5432/x');
  });
});
