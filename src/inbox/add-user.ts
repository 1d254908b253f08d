/** `npm run inbox:user -- <username>`: creates an editor account (or, with --reset, sets a new password), on the
 * server, in the database LOA_BAN_INBOX_DB names. The password is read from standard input, never from the command
 * line (which other users can see in the process list):
 *
 *   sudo -u loa-ban env PATH=/opt/loa-ban-node24/node_modules/.bin:$PATH \
 *     LOA_BAN_INBOX_DB=/var/lib/loa-ban/hop-thu.sqlite npm run inbox:user -- lan.nguyen
 */
import { createInterface } from 'node:readline/promises';
import { hashPassword, passwordProblem } from './auth.ts';
import { inboxConfig } from './config.ts';
import { openStore } from './open-store.ts';

const args = process.argv.slice(2);
const reset = args.includes('--reset');
const username = args.find((a) => !a.startsWith('--'));
if (!username || !/^[a-z0-9._-]{2,50}$/.test(username)) {
  console.error('Cách dùng: npm run inbox:user -- <tên-đăng-nhập> [--reset]  (chữ thường, số, dấu . _ -)');
  process.exit(2);
}

const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: process.stdin.isTTY });
const password = (await rl.question('Mật khẩu (ít nhất 12 ký tự): ')).replace(/\r?\n$/, '');
rl.close();
const problem = passwordProblem(password);
if (problem) {
  console.error(problem);
  process.exit(1);
}

const config = inboxConfig();
const store = await openStore(config.database);
try {
  const hash = await hashPassword(password);
  if (reset) {
    if (!(await store.setPassword(username, hash))) throw new Error(`Không có tài khoản "${username}".`);
    console.log(`Đã đặt mật khẩu mới cho "${username}".`);
  } else {
    if (await store.editor(username)) throw new Error(`Đã có tài khoản "${username}". Dùng --reset để đổi mật khẩu.`);
    await store.addEditor(username, hash);
    console.log(`Đã tạo tài khoản "${username}" trong ${config.database}.`);
  }
} catch (e) {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
} finally {
  await store.close();
}
