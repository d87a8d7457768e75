// Browser entry of the capture smoke test: installs every capture with a context that
// collects what they emit, and keeps the page's own functions to compare after `stop`.
import type { CaptureContext } from '../../../src/capture/capture.js';
import { captureConsole } from '../../../src/capture/console.js';
import { captureErrors } from '../../../src/capture/errors.js';
import { captureNavigation } from '../../../src/capture/navigation.js';
import { captureNetwork } from '../../../src/capture/network/index.js';
import { capturePerformance } from '../../../src/capture/performance.js';

interface SmokeConfig {
  allowedOrigin: string;
}

const page = window as unknown as {
  smokeConfig: SmokeConfig;
  natives: Record<string, unknown>;
  startCaptures: unknown;
};

page.natives = {
  fetch: window.fetch,
  open: XMLHttpRequest.prototype.open,
  send: XMLHttpRequest.prototype.send,
  setRequestHeader: XMLHttpRequest.prototype.setRequestHeader,
  sendBeacon: navigator.sendBeacon,
  // biome-ignore lint/suspicious/noConsole: kept to check that stop() puts the page's own method back
  log: console.log,
  pushState: history.pushState,
  replaceState: history.replaceState,
};

page.startCaptures = (sessionId: string, options: { throwing?: boolean } = {}) => {
  const events: { kind: string; payload: Record<string, unknown> }[] = [];
  const triggers: string[] = [];
  const internalErrors: string[] = [];
  const context: CaptureContext = {
    emit(kind, payload) {
      events.push({ kind, payload });
      if (options.throwing) throw new Error('emit failed');
    },
    getSessionId: () => sessionId,
    trigger(reason) {
      triggers.push(reason);
      if (options.throwing) throw new Error('trigger failed');
    },
    reportInternalError(error) {
      internalErrors.push(String(error));
      if (options.throwing) throw new Error('the error handler failed too');
    },
  };
  const stops = [
    captureNetwork(context, {
      propagateTo: [page.smokeConfig.allowedOrigin],
      captureBodiesFor: ['/api/details'],
      maxBodyLength: 200,
      scrubQueryValues: true,
      ignoreUrls: ['/v1/replay'],
    }),
    captureConsole(context, { levels: ['log', 'warn', 'error', 'assert'], maxArgLength: 300, maxDepth: 3 }),
    captureErrors(context, {}),
    captureNavigation(context, {}),
    capturePerformance(context, { longTaskThresholdMs: 100 }),
  ];
  return {
    events,
    triggers,
    internalErrors,
    stop() {
      for (const stop of stops) stop();
    },
  };
};
