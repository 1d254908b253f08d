/** Worker thread for src/lib/qr.ts: makes QR codes off the rendering thread. Choosing the mask (the standard asks
 * for the one whose pattern scanners read best, scored eight times over the whole code) is three quarters of the
 * work, about 0.4 ms a code: 8 s of a 20,000-Q&A build, where booklets print a code per Q&A. Plain Node: no bundler
 * reads this file. */
import { parentPort } from 'node:worker_threads';
import QRCode from 'qrcode';

parentPort!.on('message', async ({ id, text }: { id: number; text: string }) => {
  try {
    const svg = await QRCode.toString(text, {
      type: 'svg',
      errorCorrectionLevel: 'M',
      margin: 4,
      color: { dark: '#000000ff', light: '#ffffffff' },
    });
    parentPort!.postMessage({ id, svg });
  } catch (error) {
    parentPort!.postMessage({ id, error: (error as Error).message });
  }
});
