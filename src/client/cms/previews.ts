/** Previews in the site's own style (/bien-tap/preview.css is the residents' stylesheet): an editor sees an entry as
 * a resident will. */
import { decap, type PreviewProps } from './decap';

const { h, createClass } = decap();

const text = (props: PreviewProps, key: string) => {
  const v = props.entry.getIn(['data', key]);
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
};

const page = (...children: unknown[]) => h('main', { className: 'wrap' }, h('article', null, ...children));

export const QaPreview = createClass({
  render(this: { props: PreviewProps }) {
    const p = this.props;
    return page(h('h1', null, text(p, 'question')), h('div', { className: 'prose' }, p.widgetFor('body')));
  },
});

export const RecordingPreview = createClass({
  render(this: { props: PreviewProps }) {
    const p = this.props;
    const file = text(p, 'file');
    const asset = file ? p.getAsset(file) : undefined;
    return page(
      h('h1', null, text(p, 'title')),
      asset ? h('audio', { controls: true, preload: 'none', src: asset.toString() }) : null,
      h('p', null, `${text(p, 'speaker')} · ${text(p, 'producer')}`),
      h('div', { className: 'prose', lang: text(p, 'lang') || undefined }, p.widgetFor('body')),
    );
  },
});

export const TopicPreview = createClass({
  render(this: { props: PreviewProps }) {
    const p = this.props;
    return page(h('h1', null, text(p, 'title')), h('p', null, text(p, 'summary')), p.widgetFor('body'));
  },
});

export const ExplainerPreview = createClass({
  render(this: { props: PreviewProps }) {
    const p = this.props;
    return page(
      h('h1', null, text(p, 'title')),
      h('p', null, text(p, 'summary')),
      h('div', { className: 'prose' }, p.widgetFor('body')),
    );
  },
});
