/** The store LOA_BAN_INBOX_DB names: a PostgreSQL URL (postgres://…) or else a SQLite file path. */
import type { InboxStore } from './store.ts';
import { openSqliteStore } from './store.ts';

export async function openStore(database: string): Promise<InboxStore> {
  if (/^postgres(ql)?:\/\//.test(database)) {
    const { openPostgresStore } = await import('./store-postgres.ts');
    return openPostgresStore(database);
  }
  return openSqliteStore(database);
}
