import type { ConsoleCaptureOptions } from '../capture.js';
import { serializeValue } from '../serialize/serialize-value.js';

export type ConsoleLevel = ConsoleCaptureOptions['levels'][number];

/** The payload of a `sightline.console` event (docs/replay-format.md). */
export type ConsolePayload = { level: ConsoleLevel; args: string[]; truncated?: true };

/**
 * Messages the recorder logs about itself start with this; they are not recorded into
 * the replay of the page they are about.
 */
export const RECORDER_LOG_PREFIX = '[sightline]';

// a call with hundreds of arguments is a loop gone wrong, not something to replay in full
const MAX_ARGS = 50;

/** The `sightline.console` payload of one call; `undefined` when there is nothing to record. */
export function buildConsolePayload(
  level: ConsoleLevel,
  callArgs: readonly unknown[],
  options: Pick<ConsoleCaptureOptions, 'maxArgLength' | 'maxDepth'>,
): ConsolePayload | undefined {
  let args = callArgs;
  if (level === 'assert') {
    // console.assert(condition, ...data) prints only when the condition is falsy
    if (args[0]) return undefined;
    args = ['Assertion failed', ...args.slice(1)];
  }
  if (typeof args[0] === 'string' && args[0].startsWith(RECORDER_LOG_PREFIX)) return undefined;
  let truncated = args.length > MAX_ARGS;
  const serialized = args.slice(0, MAX_ARGS).map((arg) => {
    const { text, truncated: cut } = serializeValue(arg, {
      maxDepth: options.maxDepth,
      maxLength: options.maxArgLength,
    });
    truncated ||= cut;
    return text;
  });
  return truncated ? { level, args: serialized, truncated: true } : { level, args: serialized };
}
