/** `npm run inbox`: the residents' inbox service, configured by LOA_BAN_INBOX_* variables (README, "Hộp thư"). */
import { inboxConfig } from './config.ts';
import { startInbox } from './server.ts';
import { openStore } from './open-store.ts';

const config = inboxConfig();
const store = await openStore(config.database);
const inbox = await startInbox(config, store);
console.log(`hop-thu: ${inbox.url} (${config.database}, xoá dữ liệu cá nhân sau ${config.retentionDays} ngày)`);

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void inbox
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
  });
}
