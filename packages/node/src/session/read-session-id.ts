import { defaultTextMapGetter, propagation, ROOT_CONTEXT } from '@opentelemetry/api';
import { W3CBaggagePropagator } from '@opentelemetry/core';
import { readCookie } from '../internal/read-cookie.js';
import { isValidSessionId, SESSION_ID_ATTRIBUTE, SESSION_ID_COOKIE, SESSION_ID_HEADER } from './session-id.js';

/** Reads one request header by its lower-case name; Node, Fastify, Hono and OTel getters all fit. */
export type HeaderReader = (name: string) => string | readonly string[] | null | undefined;

/** Where a request's session ID may come from. */
export interface SessionIdSources {
  /** Lower-case name of the header the recorder sends. */
  header: string;
  /** Name of the recorder's cookie. */
  cookie: string;
}

export const DEFAULT_SESSION_ID_SOURCES: SessionIdSources = { header: SESSION_ID_HEADER, cookie: SESSION_ID_COOKIE };

// stateless: it only parses, so one instance serves every request
const baggageParser = new W3CBaggagePropagator();

/**
 * The request's session ID: the `X-Session-ID` header, else `session.id` in W3C
 * `baggage`, else the `sightline_sid` cookie (navigations and form posts). The first
 * *valid* one wins; forged, oversized or malformed values are ignored, never returned.
 */
export function readSessionId(
  readHeader: HeaderReader,
  sources: SessionIdSources = DEFAULT_SESSION_ID_SOURCES,
): string | undefined {
  const fromHeader = singleValue(readHeader(sources.header));
  if (isValidSessionId(fromHeader)) return fromHeader;

  const fromBaggage = readBaggageSessionId(readHeader('baggage'));
  if (fromBaggage !== undefined) return fromBaggage;

  const cookieHeader = readHeader('cookie');
  const cookies = typeof cookieHeader === 'string' ? [cookieHeader] : (cookieHeader ?? []);
  for (const header of cookies) {
    const fromCookie = readCookie(header, sources.cookie);
    if (isValidSessionId(fromCookie)) return fromCookie;
  }
  return undefined;
}

/** `session.id` from a raw `baggage` header value, when it is a valid session ID. */
export function readBaggageSessionId(header: string | readonly string[] | null | undefined): string | undefined {
  if (header === undefined || header === null || header.length === 0) return undefined;
  const context = baggageParser.extract(ROOT_CONTEXT, { baggage: header }, defaultTextMapGetter);
  const value = propagation.getBaggage(context)?.getEntry(SESSION_ID_ATTRIBUTE)?.value;
  return isValidSessionId(value) ? value : undefined;
}

// a repeated header is ambiguous (which one did the recorder send?): trust neither
function singleValue(value: string | readonly string[] | null | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && value !== undefined && value.length === 1) return value[0];
  return undefined;
}
