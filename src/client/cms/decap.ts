/** The parts of Decap CMS's browser globals we use (decap-cms.js defines them before our script runs). Decap bundles
 * React; `h` is its createElement and `createClass` its create-react-class. */

export type Child = unknown;
export type H = (type: unknown, props?: Record<string, unknown> | null, ...children: Child[]) => Child;

/** Immutable.js values as Decap hands them to widgets and previews. */
export interface ImmutableLike {
  get(key: string): unknown;
  getIn(path: string[]): unknown;
  toJS?(): unknown;
}

/** Props Decap passes to a custom widget's control (https://decapcms.org/docs/custom-widgets/). */
export interface ControlProps {
  value: unknown;
  field: ImmutableLike;
  entry: ImmutableLike;
  forID: string;
  classNameWrapper: string;
  onChange(value: unknown): void;
  setActiveStyle(): void;
  setInactiveStyle(): void;
  onPersistMedia(file: File, options: { field: ImmutableLike }): Promise<unknown>;
  getAsset(path: string, field: ImmutableLike): { toString(): string } | undefined;
  query(
    forID: string,
    collection: string,
    searchFields: string[],
    term: string,
    file?: string,
    limit?: number,
  ): Promise<{ payload: { hits: { slug: string; data: Record<string, unknown> }[] } }>;
}

export interface PreviewProps {
  entry: ImmutableLike;
  widgetFor(name: string): Child;
  getAsset(path: string): { toString(): string } | undefined;
}

export interface Cms {
  registerWidget(name: string, control: unknown, preview?: unknown): void;
  registerPreviewStyle(url: string): void;
  registerPreviewTemplate(collection: string, component: unknown): void;
  registerLocale(locale: string, phrases: object): void;
  getLocale(locale: string): object | undefined;
  registerEventListener(listener: { name: string; handler: (data: { entry: ImmutableLike }) => unknown }): void;
}

interface DecapWindow {
  CMS: Cms;
  h: H;
  createClass(spec: Record<string, unknown>): unknown;
}

export const decap = () => window as unknown as DecapWindow;
