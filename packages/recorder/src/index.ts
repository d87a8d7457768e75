export type {
  ConsoleCaptureOptions,
  NetworkCaptureOptions,
  PerformanceCaptureOptions,
  SightlineEventKind,
  TriggerReason,
  UrlPattern,
} from './capture/capture.js';
export { isSightlineError, SightlineError, type SightlineErrorCode } from './errors.js';
export { init } from './init.js';
export type {
  ConsoleLevel,
  ConsoleOptions,
  NetworkOptions,
  PerformanceOptions,
  PrivacyMode,
  RecorderOptions,
  ResolvedRecorderOptions,
  SegmentRule,
} from './options.js';
export { resolveRecorderOptions } from './options.js';
export type { SightlineRecorder } from './recorder/recorder-api.js';
export { SESSION_COOKIE_NAME } from './session/session-cookie.js';
export { isValidSessionId } from './session/session-id.js';
export { BATCH_VERSION } from './transport/batch.js';
