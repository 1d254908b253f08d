import Callout from './Callout.astro';
import Hotline from './Hotline.astro';
import Step from './Step.astro';
import Timeline from './Timeline.astro';

/** The only components content may use, passed to <Content components={…}>. The safe-MDX check allows exactly
 * these names. */
export const contentComponents = { Callout, Hotline, Step, Timeline };
export const allowedComponents = Object.keys(contentComponents);
