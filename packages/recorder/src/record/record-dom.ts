import { record } from '@rrweb/record';
import { SightlineError } from '../errors.js';
import type { Clock } from '../internal/clock.js';
import type { ErrorReporter } from '../internal/error-reporter.js';
import { EventType, type eventWithTime } from '../internal/rrweb-events.js';
import { createMutationGuard } from './mutation-guard.js';
import {
  buildPrivacyRecordOptions,
  type PrivacySettings,
  type RrwebRecordOptions,
  STORM_ATTRIBUTE,
} from './privacy.js';

export interface DomRecorderOptions {
  clock: Clock;
  reporter: ErrorReporter;
  emit: (event: eventWithTime, isCheckout?: boolean) => void;
  /** Read at every (re)start, so a stricter mode from `/v1/config` applies to the next snapshot. */
  getPrivacy: () => PrivacySettings;
  mutationLimit: number;
  /** A mutation storm was skipped; a fresh snapshot follows once it calms down. */
  onStorm: (nodeCount: number) => void;
}

/** DOM capture with rrweb: full snapshot, mutations, mouse, scroll, inputs, viewport, media. */
export interface DomRecorder {
  start(): void;
  stop(): void;
  /** Stops and starts again: a new Meta + full snapshot under the current privacy settings. */
  restart(): void;
  /** A checkout (Meta + full snapshot) now, so playback can start from here. */
  takeCheckout(): void;
}

/**
 * rrweb never releases a stopped recording's mutation buffer (a module-level array), so
 * restarts are capped: past this many storms the page is not re-snapshotted any more.
 */
const MAX_STORM_RESTARTS = 20;

/** What rrweb samples, and how often (exported for its test). */
export const RECORD_SAMPLING: NonNullable<RrwebRecordOptions['sampling']> = {
  // mouse positions at most every 100 ms (rrweb's default: 50), sent by rrweb every 500 ms:
  // on a page without much DOM churn they are most of the upload after the first
  // snapshot; this cut the benchmark's calm page by 17% (bench/README.md, bench/recorder)
  mousemove: 100,
  scroll: 150,
  media: 800,
  // no `input: 'last'`: rrweb then listens to `change` only, which is not composed, so
  // fields inside shadow roots were never recorded (and a value typed but not yet
  // committed was lost on exit); `input` events are composed and reach rrweb's listener
};

/**
 * rrweb keeps its recording state in module scope, so only one rrweb recording can run
 * in a page at a time; everything else of a recorder is its own.
 */
export function createDomRecorder(options: DomRecorderOptions): DomRecorder {
  const { clock, reporter, emit, getPrivacy, mutationLimit, onStorm } = options;
  let stopRrweb: (() => void) | undefined;
  /** rrweb refuses a snapshot until its own first one (it waits for DOMContentLoaded). */
  let snapshotted = false;
  let wanted = false;
  let stormRestarts = 0;

  const startRrweb = (): void => {
    if (stopRrweb !== undefined || !wanted) return;
    snapshotted = false;
    try {
      stopRrweb = record({
        emit: (event, isCheckout) => {
          if (event.type === EventType.FullSnapshot) snapshotted = true;
          emit(event, isCheckout);
        },
        ...buildPrivacyRecordOptions(getPrivacy()),
        inlineStylesheet: true,
        recordCrossOriginIframes: false,
        recordCanvas: false,
        collectFonts: false,
        inlineImages: false,
        slimDOMOptions: true,
        sampling: RECORD_SAMPLING,
        recordAfter: 'DOMContentLoaded',
        errorHandler: (error) => {
          reporter.report(error, 'record_failed');
          // true: handled, rrweb must not rethrow into the page
          return true;
        },
      });
    } catch (error) {
      stopRrweb = undefined;
      reporter.report(error, 'record_failed');
    }
  };

  const stopRrwebNow = (): void => {
    const stop = stopRrweb;
    stopRrweb = undefined;
    snapshotted = false;
    try {
      stop?.();
    } catch (error) {
      reporter.report(error, 'record_failed');
    }
  };

  const guard = createMutationGuard({
    limit: mutationLimit,
    clock,
    reporter,
    onStorm: (count, container) => {
      // before rrweb's first snapshot the mutations are the parser's, not rrweb's to process
      if (stopRrweb === undefined || !snapshotted) return;
      stopRrwebNow();
      // the container is blocked from now on (a placeholder of its size in the replay):
      // re-snapshotting its 50,000 nodes would freeze the page as long as the storm would have
      if (container !== undefined && !isDocumentFrame(container)) container.setAttribute(STORM_ATTRIBUTE, '');
      onStorm(count);
    },
    onCalm: () => {
      // a storm ignored (before the first snapshot) stopped nothing: nothing to restart
      if (stopRrweb !== undefined || !wanted) return;
      stormRestarts += 1;
      if (stormRestarts <= MAX_STORM_RESTARTS) startRrweb();
      else
        reporter.report(
          new SightlineError('record_failed', `DOM recording ended after ${MAX_STORM_RESTARTS} mutation storms`),
        );
    },
  });

  return {
    start() {
      if (wanted) return;
      wanted = true;
      // before rrweb's observer: see createMutationGuard
      if (typeof document !== 'undefined') guard.start(document);
      startRrweb();
    },
    stop() {
      wanted = false;
      guard.stop();
      stopRrwebNow();
      if (typeof document === 'undefined') return;
      for (const element of document.querySelectorAll(`[${STORM_ATTRIBUTE}]`)) element.removeAttribute(STORM_ATTRIBUTE);
    },
    restart() {
      stopRrwebNow();
      startRrweb();
    },
    takeCheckout() {
      if (stopRrweb === undefined || !snapshotted) return;
      try {
        record.takeFullSnapshot(true);
      } catch (error) {
        reporter.report(error, 'record_failed');
      }
    },
  };
}

/** Blocking these would blank the whole replay: better one slow snapshot. */
function isDocumentFrame(element: Element): boolean {
  const document = element.ownerDocument;
  return element === document.documentElement || element === document.body || element === document.head;
}
