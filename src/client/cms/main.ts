/** Registers our widgets and previews with Decap CMS (loaded just before this script by /bien-tap/). */
import { decap } from './decap';
import { mergePhrases, vietnameseSupplement } from './locale-vi';
import { ExplainerPreview, QaPreview, RecordingPreview, TopicPreview } from './previews';
import { fillOrder, Mp3Control, NextOrderControl } from './widgets';

const { CMS } = decap();

CMS.registerLocale(
  'vi',
  mergePhrases((CMS.getLocale('vi') ?? {}) as Parameters<typeof mergePhrases>[0], vietnameseSupplement),
);

CMS.registerWidget('next-order', NextOrderControl);
CMS.registerWidget('mp3', Mp3Control);
CMS.registerEventListener({ name: 'preSave', handler: fillOrder });
CMS.registerPreviewStyle('/bien-tap/preview.css');
CMS.registerPreviewTemplate('qa', QaPreview);
CMS.registerPreviewTemplate('audio', RecordingPreview);
CMS.registerPreviewTemplate('topics', TopicPreview);
CMS.registerPreviewTemplate('explainers', ExplainerPreview);
