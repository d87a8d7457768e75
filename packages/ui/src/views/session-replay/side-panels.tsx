import { useEffect, useState } from 'preact/hooks';
import { BackendPanel } from '../../panels/backend/backend-panel';
import { ConsolePanel } from '../../panels/console/console-panel';
import { EventsPanel } from '../../panels/events/events-panel';
import { NetworkPanel } from '../../panels/network/network-panel';
import type { PanelFocus, PanelName } from '../../panels/panel-focus';
import type { PlayerController } from '../../player/player-controller';
import type { ReplaySessionData } from './replay-session';

/**
 * The tabbed column beside the player; every panel follows the same clock. A `focus`
 * (a marker was clicked) opens its panel on the marker's row, until the user picks a tab.
 */
export function SidePanels(props: {
  data: ReplaySessionData;
  controller: PlayerController;
  onSeek: (timeMs: number) => void;
  focus?: PanelFocus | undefined;
}) {
  const [active, setActive] = useState<PanelName>('events');
  const [focus, setFocus] = useState<PanelFocus | undefined>(undefined);
  useEffect(() => {
    if (!props.focus) return;
    setActive(props.focus.panel);
    setFocus(props.focus);
  }, [props.focus]);
  const focusOf = (panel: PanelName) => (focus?.panel === panel ? focus : undefined);
  const { digest } = props.data;
  const consoleErrors = digest.consoleRows.filter((row) => row.level === 'error' || row.level === 'exception').length;
  const failedRequests = digest.networkRows.filter((row) => row.failed).length;
  const backendErrors = (props.data.traces ?? []).reduce((sum, trace) => sum + (trace.errorCount > 0 ? 1 : 0), 0);
  const tabs: { name: PanelName; label: string; count: number; alerts: number }[] = [
    { name: 'events', label: 'Events', count: digest.eventRows.length, alerts: 0 },
    { name: 'console', label: 'Console', count: digest.consoleRows.length, alerts: consoleErrors },
    { name: 'network', label: 'Network', count: digest.networkRows.length, alerts: failedRequests },
    { name: 'backend', label: 'Backend', count: props.data.traces?.length ?? 0, alerts: backendErrors },
  ];
  const pageOrigin = readOrigin(props.data.summary?.firstUrl);
  return (
    <section class="side-panels" aria-label="Session details">
      <div class="tabs" role="tablist">
        {tabs.map((tab) => (
          <button
            key={tab.name}
            type="button"
            role="tab"
            data-testid={`tab-${tab.name}`}
            aria-selected={tab.name === active}
            class={tab.name === active ? 'tab is-active' : 'tab'}
            onClick={() => {
              setActive(tab.name);
              setFocus(undefined);
            }}
          >
            {tab.label}
            <span class="tab-count">{tab.count}</span>
            {tab.alerts > 0 && (
              <span class="tab-alert" title={`${tab.alerts} with errors`}>
                {tab.alerts}
              </span>
            )}
          </button>
        ))}
      </div>
      <div class="tab-body" role="tabpanel">
        {active === 'events' && (
          <EventsPanel rows={digest.eventRows} controller={props.controller} onSeek={props.onSeek} />
        )}
        {active === 'console' && (
          <ConsolePanel
            rows={digest.consoleRows}
            controller={props.controller}
            onSeek={props.onSeek}
            focus={focusOf('console')}
          />
        )}
        {active === 'network' && (
          <NetworkPanel
            rows={digest.networkRows}
            controller={props.controller}
            onSeek={props.onSeek}
            pageOrigin={pageOrigin}
            focus={focusOf('network')}
          />
        )}
        {active === 'backend' && (
          <BackendPanel
            traces={props.data.traces}
            logs={props.data.logs}
            logsTruncated={props.data.logsTruncated}
            tracesTruncated={props.data.tracesTruncated}
            sessionStartMs={props.data.backendStartMs}
            controller={props.controller}
            onSeek={props.onSeek}
          />
        )}
      </div>
    </section>
  );
}

function readOrigin(url: string | null | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
