/** Saving from our own editor pages (the phone recorder) through the very backend Decap CMS uses: the same
 * configuration (/bien-tap/config.yml), the same login (Decap keeps the user in localStorage), the same commits, and
 * in the editorial workflow the same draft branches the province reviews in /bien-tap/. */
import yaml from 'js-yaml';
import { decap } from './decap';

export interface Config {
  backend: { name: string; branch?: string };
  publish_mode?: string;
}

/** One file to commit: a Markdown entry or a binary asset. */
export interface NewFile {
  path: string;
  content: Blob | string;
}

interface Implementation {
  authenticate?(state: unknown): Promise<unknown>;
  restoreUser(user: unknown): Promise<unknown>;
  entriesByFolder(
    folder: string,
    extension: string,
    depth: number,
  ): Promise<{ data: string; file: { path: string } }[]>;
  persistEntry(
    entry: { dataFiles: { path: string; slug: string; raw: string }[]; assets: unknown[] },
    options: Record<string, unknown>,
  ): Promise<unknown>;
}

interface DecapRegistry {
  getBackend(name: string): { init(config: unknown, options: Record<string, unknown>): Implementation } | undefined;
}

export async function loadConfig(): Promise<Config> {
  const response = await fetch('/bien-tap/config.yml');
  return yaml.load(await response.text()) as Config;
}

const base64 = (blob: Blob) =>
  new Promise<string>((done, fail) => {
    const reader = new FileReader();
    reader.onload = () => done(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => fail(reader.error);
    reader.readAsDataURL(blob);
  });

export interface Session {
  workflow: boolean;
  list(folder: string, extension: string, depth: number): Promise<{ path: string; data: string }[]>;
  /** Commits the entry and its assets together (a draft for review in the editorial workflow). */
  save(collection: string, slug: string, entry: NewFile, assets: NewFile[], message: string): Promise<void>;
}

/** A session with the backend, or undefined when the editor has not logged in to /bien-tap/ in this browser. */
export async function connect(config: Config): Promise<Session | undefined> {
  const registry = decap().CMS as unknown as DecapRegistry;
  const workflow = config.publish_mode === 'editorial_workflow';
  const backend = registry.getBackend(config.backend.name);
  if (!backend) throw new Error(`backend ${config.backend.name}`);
  const implementation = backend.init(config, { useWorkflow: workflow, initialWorkflowStatus: 'draft' });
  const stored = localStorage.getItem('decap-cms-user');
  if (config.backend.name === 'proxy') await implementation.authenticate?.({});
  else if (stored) await implementation.restoreUser(JSON.parse(stored));
  else return undefined;
  return {
    workflow,
    list: async (folder, extension, depth) =>
      (await implementation.entriesByFolder(folder, extension, depth)).map((e) => ({
        path: e.file.path,
        data: e.data,
      })),
    save: async (collection, slug, entry, assets, message) => {
      const raw = typeof entry.content === 'string' ? entry.content : await entry.content.text();
      const proxies = await Promise.all(
        assets.map(async (a) => {
          const blob = typeof a.content === 'string' ? new Blob([a.content]) : a.content;
          const encoded = await base64(blob);
          return { path: a.path, fileObj: blob, toBase64: () => Promise.resolve(encoded) };
        }),
      );
      await implementation.persistEntry(
        { dataFiles: [{ path: entry.path, slug, raw }], assets: proxies },
        { newEntry: true, commitMessage: message, collectionName: collection, useWorkflow: workflow, status: 'draft' },
      );
    },
  };
}
