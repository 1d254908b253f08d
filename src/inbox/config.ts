/** Settings of the residents' inbox, from the environment, for both sides:
 * - the site build (`LOA_BAN_INBOX=1` shows the question form; `LOA_BAN_INBOX_DAYS` is the retention the form states);
 * - the service (`npm run inbox`), which reads the rest.
 * One parser for both, so the form and the service can never disagree about a default. */

export interface InboxConfig {
  /** Address the service listens on. Loopback only by default: nginx is the one door from outside. */
  host: string;
  port: number;
  /** The SQLite file (created with its folder if missing). */
  database: string;
  /** Days after which names, phone numbers and voice recordings are deleted. */
  retentionDays: number;
  /** Peers whose X-Real-IP header is believed (nginx on the same machine). Any other peer is its own address. */
  trustedProxies: string[];
  /** Editors' sessions end this many minutes after login. */
  sessionMinutes: number;
  /** A git working copy of the site's repository, where "turn into a draft" writes content/qa/<topic>/_….md. */
  gitDir: string | undefined;
  /** After committing a draft, `git push` it to the working copy's upstream (the git host). */
  gitPush: boolean;
  /** Submissions per address: a bucket of `burst`, refilled by one every `refillSeconds`. */
  rateLimit: { burst: number; refillSeconds: number };
}

export const DEFAULT_RETENTION_DAYS = 90;

const positiveInt = (name: string, value: string | undefined, fallback: number, min = 1): number => {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} phải là số nguyên dương, nhận được "${value}".`);
  return n;
};

const flag = (value: string | undefined): boolean => /^(1|true|yes|on)$/i.test(value ?? '');

/** Whether the site is built with the question form, and the retention it states. */
export function siteInbox(env: NodeJS.ProcessEnv = process.env): { enabled: boolean; retentionDays: number } {
  return {
    enabled: flag(env['LOA_BAN_INBOX']),
    retentionDays: positiveInt('LOA_BAN_INBOX_DAYS', env['LOA_BAN_INBOX_DAYS'], DEFAULT_RETENTION_DAYS),
  };
}

/** The service's settings. Every variable is documented in the README's inbox section. */
export function inboxConfig(env: NodeJS.ProcessEnv = process.env): InboxConfig {
  return {
    host: env['LOA_BAN_INBOX_HOST'] || '127.0.0.1',
    // 0 lets the system choose (tests); the service prints the address it got.
    port: positiveInt('LOA_BAN_INBOX_PORT', env['LOA_BAN_INBOX_PORT'], 8787, 0),
    database: env['LOA_BAN_INBOX_DB'] || 'hop-thu.sqlite',
    retentionDays: siteInbox(env).retentionDays,
    trustedProxies: (env['LOA_BAN_INBOX_TRUSTED_PROXIES'] || '127.0.0.1,::1,::ffff:127.0.0.1')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sessionMinutes: positiveInt('LOA_BAN_INBOX_SESSION_MINUTES', env['LOA_BAN_INBOX_SESSION_MINUTES'], 8 * 60),
    gitDir: env['LOA_BAN_INBOX_GIT_DIR'] || undefined,
    gitPush: flag(env['LOA_BAN_INBOX_GIT_PUSH']),
    rateLimit: {
      burst: positiveInt('LOA_BAN_INBOX_RATE_BURST', env['LOA_BAN_INBOX_RATE_BURST'], 30),
      refillSeconds: positiveInt('LOA_BAN_INBOX_RATE_REFILL', env['LOA_BAN_INBOX_RATE_REFILL'], 30),
    },
  };
}
