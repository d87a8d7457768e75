import { type Context, context as contextApi } from '@opentelemetry/api';
import type { LogRecordProcessor, SdkLogRecord } from '@opentelemetry/sdk-logs';
import { reportInternalError } from '../internal/report-internal-error.js';
import { getSessionId } from '../session/session-context.js';
import { SESSION_ID_ATTRIBUTE } from '../session/session-id.js';

/**
 * Adds `session.id` to every log record emitted in a session's context (the Logs SDK
 * already adds the trace and span IDs). Put it *before* the exporting processor, so the
 * attribute is there when the record is exported.
 *
 * @example
 * new NodeSDK({ logRecordProcessors: [new SessionLogRecordProcessor(), new BatchLogRecordProcessor({ exporter })] });
 */
export class SessionLogRecordProcessor implements LogRecordProcessor {
  onEmit(logRecord: SdkLogRecord, context?: Context): void {
    try {
      if (logRecord.attributes[SESSION_ID_ATTRIBUTE] !== undefined) return;
      const sessionId = getSessionId(context ?? contextApi.active());
      if (sessionId !== undefined) logRecord.setAttribute(SESSION_ID_ATTRIBUTE, sessionId);
    } catch (error) {
      reportInternalError(error, 'SessionLogRecordProcessor.onEmit');
    }
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }

  shutdown(): Promise<void> {
    return Promise.resolve();
  }
}
