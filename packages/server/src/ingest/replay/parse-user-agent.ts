import UAParser from 'ua-parser-js';

/** Longer user agents are spoofed or broken; the stored copy is cut here. */
const MAX_USER_AGENT_LENGTH = 1024;

export interface UserAgentInfo {
  userAgent: string | null;
  /** e.g. `Chrome`, `Mobile Safari`, `Firefox`. */
  browser: string | null;
  browserVersion: string | null;
  /** e.g. `Windows`, `Mac OS`, `iOS`, `Android`. */
  os: string | null;
  /** `desktop`, or ua-parser-js's `mobile`, `tablet`, `smarttv`, `console`, `wearable`, `embedded`. */
  deviceType: string | null;
}

const UNKNOWN: UserAgentInfo = { userAgent: null, browser: null, browserVersion: null, os: null, deviceType: null };

/**
 * Browser, OS and device from the `User-Agent` of the recorder's request, with
 * ua-parser-js 1.x (MIT; 2.x is AGPL). It reports no device type for desktops, so a
 * recognised browser or OS without one is a `desktop`.
 */
export function parseUserAgent(header: string | undefined): UserAgentInfo {
  const userAgent = header?.trim().slice(0, MAX_USER_AGENT_LENGTH);
  if (!userAgent) return UNKNOWN;
  const result = UAParser(userAgent);
  const browser = result.browser.name ?? null;
  const os = result.os.name ?? null;
  return {
    userAgent,
    browser,
    browserVersion: result.browser.version ?? null,
    os,
    deviceType: result.device.type ?? (browser || os ? 'desktop' : null),
  };
}
