import type { ComponentChildren } from 'preact';
import { isApiError } from '../api/api-error';

/** A calm full-width message: loading, empty, not found, failed. */
export function StatusMessage(props: { title: string; children?: ComponentChildren; tone?: 'muted' | 'error' }) {
  return (
    <div
      class={`status-message ${props.tone === 'error' ? 'status-error' : ''}`}
      role={props.tone === 'error' ? 'alert' : 'status'}
    >
      <h2>{props.title}</h2>
      {props.children}
    </div>
  );
}

/** What went wrong with a load, in words. */
export function describeError(error: unknown): string {
  if (isApiError(error)) return error.message;
  return error instanceof Error ? error.message : String(error);
}
