import { SightlineError } from './errors.js';
import { describeValue } from './internal/option-checks.js';
import type { PrivacyMode, RecorderOptions } from './options.js';

/** The part of a `<script>` element read here; tests pass a plain object. */
export interface ScriptTagElement {
  readonly src: string;
  getAttribute(name: string): string | null;
}

/**
 * Options from the tag's data attributes:
 * `data-key` (alias `data-org-id`), `data-endpoint` (default: the script's origin),
 * `data-privacy-mode`, `data-sample-rate`, `data-error-sample-rate`, `data-mask-selector`,
 * `data-block-selector`, `data-propagate-to` and `data-capture-bodies-for` (comma-separated),
 * `data-cookie`, `data-mask-all-inputs`.
 */
export function readScriptTagOptions(script: ScriptTagElement): RecorderOptions {
  const read = (name: string): string | undefined => {
    const value = script.getAttribute(name)?.trim();
    return value === undefined || value === '' ? undefined : value;
  };
  const options: RecorderOptions = {
    key: read('data-key') ?? read('data-org-id') ?? '',
    endpoint: read('data-endpoint') ?? scriptOrigin(script.src),
  };
  const privacyMode = read('data-privacy-mode');
  if (privacyMode !== undefined) options.privacyMode = privacyMode as PrivacyMode;
  const sessionSampleRate = readNumber('data-sample-rate', read('data-sample-rate'));
  if (sessionSampleRate !== undefined) options.sessionSampleRate = sessionSampleRate;
  const errorSampleRate = readNumber('data-error-sample-rate', read('data-error-sample-rate'));
  if (errorSampleRate !== undefined) options.errorSampleRate = errorSampleRate;
  const maskSelector = read('data-mask-selector');
  if (maskSelector !== undefined) options.maskSelector = maskSelector;
  const blockSelector = read('data-block-selector');
  if (blockSelector !== undefined) options.blockSelector = blockSelector;
  const propagateTo = readList(read('data-propagate-to'));
  if (propagateTo) options.propagateTo = propagateTo;
  const captureBodiesFor = readList(read('data-capture-bodies-for'));
  if (captureBodiesFor) options.network = { captureBodiesFor };
  const cookie = readBoolean('data-cookie', read('data-cookie'));
  if (cookie !== undefined) options.cookie = cookie;
  const maskAllInputs = readBoolean('data-mask-all-inputs', read('data-mask-all-inputs'));
  if (maskAllInputs !== undefined) options.maskAllInputs = maskAllInputs;
  return options;
}

function readList(value: string | undefined): string[] | undefined {
  return value?.split(/[\s,]+/).filter((item) => item !== '');
}

function scriptOrigin(src: string): string | undefined {
  if (src === '') return undefined;
  try {
    return new URL(src).origin;
  } catch {
    return undefined;
  }
}

function readNumber(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number)) {
    throw new SightlineError(
      'invalid_option',
      `${name}: expected a number from 0 to 1 (actual: ${describeValue(value)})`,
    );
  }
  return number;
}

function readBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new SightlineError('invalid_option', `${name}: expected "true" or "false" (actual: ${describeValue(value)})`);
}
