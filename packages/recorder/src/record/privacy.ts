import type { record } from '@rrweb/record';
import type { PrivacyMode } from '../options.js';

export type RrwebRecordOptions = NonNullable<Parameters<typeof record>[0]>;

/** Set by the mutation guard on the element a mutation storm filled (see record-dom.ts). */
export const STORM_ATTRIBUTE = 'data-sightline-storm';
/** Not captured at all: rrweb records a placeholder of the same size. */
export const DEFAULT_BLOCK_SELECTOR = `.sightline-block,.qorrelate-block,[${STORM_ATTRIBUTE}]`;
/** Text masked in every mode. */
export const PRIVATE_SELECTOR = '[data-private]';
/** Rich-text editors are inputs too. */
const EDITABLE_SELECTOR = '[contenteditable]:not([contenteditable="false"])';

export interface PrivacySettings {
  privacyMode: PrivacyMode;
  maskAllInputs: boolean;
  /** The app's own additions to the masked and blocked elements. */
  maskSelector: string | undefined;
  blockSelector: string | undefined;
}

type PrivacyRecordOptions = Required<
  Pick<RrwebRecordOptions, 'maskAllInputs' | 'maskInputOptions' | 'maskInputFn' | 'maskTextSelector' | 'blockSelector'>
>;

/**
 * rrweb's privacy options for a mode. Every input type is flagged for masking and
 * `maskInputFn` decides, so that with `maskAllInputs: false` passwords and
 * `[data-private]` inputs still stay masked.
 */
export function buildPrivacyRecordOptions(settings: PrivacySettings): PrivacyRecordOptions {
  const maskTextSelector = buildMaskTextSelector(settings);
  const maskAll = settings.maskAllInputs;
  return {
    maskAllInputs: maskAll,
    maskInputOptions: {
      color: true,
      date: true,
      'datetime-local': true,
      email: true,
      month: true,
      number: true,
      range: true,
      search: true,
      tel: true,
      text: true,
      time: true,
      url: true,
      week: true,
      textarea: true,
      select: true,
      password: true,
    },
    maskInputFn: (text, element) => (maskAll || isPrivateInput(element, maskTextSelector) ? maskText(text) : text),
    maskTextSelector,
    blockSelector: joinSelectors([DEFAULT_BLOCK_SELECTOR, settings.blockSelector]),
  };
}

export function buildMaskTextSelector(settings: PrivacySettings): string {
  if (settings.privacyMode === 'mask-all') return '*';
  return joinSelectors([
    PRIVATE_SELECTOR,
    settings.maskAllInputs ? EDITABLE_SELECTOR : undefined,
    settings.maskSelector,
  ]);
}

function isPrivateInput(element: HTMLElement | null | undefined, maskTextSelector: string): boolean {
  if (element === null || element === undefined) return true;
  try {
    const type = element.getAttribute('type')?.toLowerCase();
    if (type === 'password' || element.hasAttribute('data-rr-is-password')) return true;
    return element.closest(maskTextSelector) !== null;
  } catch {
    // when in doubt, mask
    return true;
  }
}

/** One `*` per character, as rrweb does: the length shows a field was filled, not what with. */
function maskText(text: string): string {
  return '*'.repeat(text.length);
}

function joinSelectors(selectors: (string | undefined)[]): string {
  return selectors.filter((selector): selector is string => selector !== undefined && selector !== '').join(',');
}
