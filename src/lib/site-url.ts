/** What kind of address SITE_URL is. Two rules rest on it:
 * - printed QR codes never carry a local address in a built site (src/lib/qr.ts): paper outlives the build machine;
 * - a production build, one for a real public address, must name who publishes the site (settings `issuer`).
 * Test and preview builds use names reserved for that (RFC 2606 and 6761): .example, .test, .invalid, localhost. */

/** Hosts that only resolve on the machine that built the site. */
const localHosts = /^(localhost|127(?:\.\d{1,3}){3}|0\.0\.0\.0|\[::1?\])$|\.localhost$|\.local$/i;

/** Top-level names reserved for examples and tests, which no real site can have. */
const reservedNames = /(^|\.)(example|test|invalid|localhost)$/i;

/** True when a link with this site URL would only work on the build machine. */
export function isLocalSite(site: URL | string): boolean {
  return localHosts.test(new URL(site).hostname);
}

/** True for a build meant for the public: SITE_URL is neither local nor under a reserved name. */
export function isProductionSite(site: URL | string): boolean {
  const host = new URL(site).hostname.replace(/\.$/, '');
  return !isLocalSite(site) && !reservedNames.test(host);
}
