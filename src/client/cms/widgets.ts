/** Custom widgets: the next free `order`, and an MP3 field that uploads a file or records one from the microphone. */
import { mp3FileName, mp3Problem, nextOrder } from '../../lib/cms/upload';
import { decap, type ControlProps, type ImmutableLike } from './decap';
import { startRecording, toMp3, type Recording } from './record';

const { h, createClass } = decap();

type State = Record<string, unknown>;
interface Component<P, S extends State> {
  props: P;
  state: S;
  setState(s: Partial<S>): void;
}
type This<S extends State> = Component<ControlProps, S>;

type OrderThis = This<State>;

const dataOf = (props: ControlProps, key: string) => props.entry.getIn(['data', key]);
const collectionOf = (props: ControlProps) => String(props.entry.get('collection'));

/** Entries of each collection as the editor loaded them when a form opened: `order` is numbered against them. */
const loaded = new Map<string, Promise<{ slug: string; data: Record<string, unknown> }[]>>();

const groupOf = (collection: string, data: { get(key: string): unknown } | Record<string, unknown>) => {
  const get = (key: string) =>
    'get' in data && typeof data.get === 'function' ? data.get(key) : (data as Record<string, unknown>)[key];
  // Topics are numbered across the site; explainers within their topic; Q&A and recordings within topic and language.
  if (collection === 'topics') return '';
  if (collection === 'explainers') return String(get('topic'));
  return `${String(get('topic'))} ${String(get('lang') ?? 'vi')}`;
};

/** Decap's `preSave` hook: an entry saved without `order` gets the next free number of its group. (Decap re-renders a
 * widget only when its own value changes, so the number cannot follow the topic while the form is filled in.) */
export async function fillOrder({ entry }: { entry: ImmutableLike }): Promise<unknown> {
  const data = entry.get('data') as ImmutableLike & { set(key: string, value: unknown): unknown };
  const collection = String(entry.get('collection'));
  if (typeof data.get('order') === 'number' || !loaded.has(collection)) return undefined;
  const group = groupOf(collection, data);
  const slug = entry.get('slug');
  const hits = (await loaded.get(collection)!).filter((h) => groupOf(collection, h.data) === group && h.slug !== slug);
  return data.set('order', nextOrder(hits.map((h) => h.data['order'])));
}

/** A whole-number field for `order`; left empty, the next free number of the topic (and language) is filled in when
 * the entry is saved (fillOrder). */
export const NextOrderControl = createClass({
  componentDidMount(this: OrderThis) {
    const { props } = this;
    const collection = collectionOf(props);
    if (!loaded.has(collection)) {
      loaded.set(
        collection,
        props.query(props.forID, collection, ['title', 'question'], '', undefined, 100_000).then(
          (r) => r.payload.hits,
          () => [],
        ),
      );
    }
  },
  render(this: OrderThis) {
    const { props } = this;
    return h('input', {
      id: props.forID,
      className: props.classNameWrapper,
      type: 'number',
      inputMode: 'numeric',
      min: 1,
      step: 1,
      placeholder: 'Để trống: máy lấy số tiếp theo khi lưu',
      value: typeof props.value === 'number' ? props.value : '',
      onChange: (e: Event) => {
        const v = (e.target as HTMLInputElement).value;
        props.onChange(v === '' ? undefined : Number(v));
      },
      onFocus: props.setActiveStyle,
      onBlur: props.setInactiveStyle,
    });
  },
});

interface Mp3State extends State {
  problem?: string | undefined;
  status?: string | undefined;
  recording?: Recording | undefined;
  take?: { mp3: Blob; seconds: number; url: string } | undefined;
  busy?: boolean | undefined;
}
type Mp3This = This<Mp3State> & {
  attach(file: Blob, original: string): Promise<void>;
  record(): Promise<void>;
  stop(): Promise<void>;
};

const minutes = (s: number) => `${Math.floor(s / 60)}:${String(Math.round(s % 60)).padStart(2, '0')}`;

/** The recording's MP3: choose a file (checked before anything is sent) or record, listen, re-record, attach. The
 * file goes to content/audio/files/ through the same backend as the entry (with the entry, in the editorial
 * workflow). */
export const Mp3Control = createClass({
  getInitialState: (): Mp3State => ({}),
  componentWillUnmount(this: Mp3This) {
    if (this.state.take) URL.revokeObjectURL(this.state.take.url);
  },
  async attach(this: Mp3This, file: Blob, original: string) {
    const problem = mp3Problem({ name: original, size: file.size, type: file.type });
    if (problem) {
      this.setState({ problem });
      return;
    }
    this.setState({ problem: undefined, busy: true, status: 'Đang lưu tệp…' });
    const title = String(dataOf(this.props, 'title') ?? '');
    const name = mp3FileName(title || original.replace(/\.mp3$/i, ''), new Date());
    const named = new File([file], name, { type: 'audio/mpeg' });
    await this.props.onPersistMedia(named, { field: this.props.field });
    this.props.onChange(`files/${name}`);
    this.setState({ busy: false, status: `Đã gắn tệp ${name}. Bấm "Lưu" ở đầu trang để lưu cả mục.` });
  },
  async record(this: Mp3This) {
    try {
      this.setState({
        problem: undefined,
        recording: await startRecording(),
        status: 'Đang ghi âm… Bấm "Dừng" khi đọc xong.',
      });
    } catch {
      this.setState({ problem: 'Không mở được micrô. Hãy cho phép trang dùng micrô rồi bấm "Ghi âm" lại.' });
    }
  },
  async stop(this: Mp3This) {
    const recording = this.state.recording;
    if (!recording) return;
    this.setState({ recording: undefined, busy: true, status: 'Đang chuyển sang MP3…' });
    const { mp3, seconds } = await toMp3(await recording.stop());
    if (this.state.take) URL.revokeObjectURL(this.state.take.url);
    this.setState({
      busy: false,
      take: { mp3, seconds, url: URL.createObjectURL(mp3) },
      status: `Đã ghi ${minutes(seconds)}. Nghe lại, rồi bấm "Dùng bản ghi này" hoặc "Ghi lại".`,
    });
  },
  render(this: Mp3This) {
    const { props, state } = this;
    const id = props.forID;
    const current = typeof props.value === 'string' && props.value ? props.value : undefined;
    const button = (text: string, onClick: () => void, disabled = false, extra: Record<string, unknown> = {}) =>
      h(
        'button',
        { type: 'button', onClick, disabled: disabled || state.busy, className: 'loa-ban-button', ...extra },
        text,
      );
    return h(
      'div',
      { className: `${props.classNameWrapper} loa-ban-mp3`, id },
      current ? h('p', { className: 'loa-ban-current' }, `Tệp hiện tại: ${current}`) : null,
      h(
        'p',
        null,
        h('label', { htmlFor: `${id}-file` }, 'Chọn tệp MP3 (tối đa 25 MB)'),
        h('input', {
          id: `${id}-file`,
          type: 'file',
          accept: 'audio/mpeg,.mp3',
          disabled: state.busy,
          onChange: (e: Event) => {
            const file = (e.target as HTMLInputElement).files?.[0];
            if (file) void this.attach(file, file.name);
          },
        }),
      ),
      h(
        'p',
        { className: 'loa-ban-recorder' },
        state.recording
          ? button('Dừng', () => void this.stop(), false, { 'data-action': 'stop' })
          : button(state.take ? 'Ghi lại' : 'Ghi âm', () => void this.record(), false, { 'data-action': 'record' }),
      ),
      state.take
        ? h(
            'p',
            null,
            h('audio', { controls: true, src: state.take.url, preload: 'metadata' }),
            button('Dùng bản ghi này', () => void this.attach(state.take!.mp3, 'ghi-am.mp3'), false, {
              'data-action': 'use',
            }),
          )
        : null,
      state.problem ? h('p', { role: 'alert', className: 'loa-ban-problem' }, state.problem) : null,
      state.status ? h('p', { role: 'status' }, state.status) : null,
    );
  },
});
