import type { CaptureContext, StopCapture } from '../capture/capture.js';
import { captureConsole } from '../capture/console.js';
import { captureErrors } from '../capture/errors.js';
import { captureForms } from '../capture/forms.js';
import { captureNavigation } from '../capture/navigation.js';
import { captureNetwork } from '../capture/network/index.js';
import { capturePerformance } from '../capture/performance.js';
import type { ResolvedRecorderOptions } from '../options.js';
import { propagateTraceContext } from '../propagation/propagate-trace-context.js';

/**
 * Installs the captures beside the DOM that the options turn on; returns one stop for
 * all, last installed first. Session propagation stays on when network capture is off:
 * linking requests to the session is the point of Sightline.
 */
export function startCaptures(context: CaptureContext, options: ResolvedRecorderOptions): StopCapture {
  // the recorder's own requests are neither recorded nor given session headers
  const ignoreUrls = [`${options.endpoint}/v1/replay`, `${options.endpoint}/v1/config`];
  const installers: (() => StopCapture)[] = [];
  if (options.errors) installers.push(() => captureErrors(context, {}));
  if (options.navigation) installers.push(() => captureNavigation(context, {}));
  // a submit is an interaction like navigation: recorded whenever navigation is
  if (options.navigation) installers.push(() => captureForms(context, {}));
  if (options.console !== false) {
    const console = options.console;
    installers.push(() => captureConsole(context, console));
  }
  if (options.performance !== false) {
    const performance = options.performance;
    installers.push(() => capturePerformance(context, performance));
  }
  const network = options.network;
  installers.push(
    network === false
      ? () => propagateTraceContext(context, { propagateTo: options.propagateTo, ignoreUrls })
      : () => captureNetwork(context, { ...network, propagateTo: options.propagateTo, ignoreUrls }),
  );

  const stops: StopCapture[] = [];
  for (const install of installers) {
    try {
      stops.push(install());
    } catch (error) {
      context.reportInternalError(error);
    }
  }
  return () => {
    for (const stop of stops.reverse()) {
      try {
        stop();
      } catch (error) {
        context.reportInternalError(error);
      }
    }
  };
}
