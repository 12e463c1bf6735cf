import { channelName } from '../../shared/contract/define';
import { contract, type Domain, type EventName, type EventPayload } from '../../shared/contract/index';
import type { Logger } from '../logging/logger';

/** Receives validated events; each host forwards them its own way (webContents.send, WebSocket). */
export type EventSink = (channel: string, payload: unknown) => void;

/** Typed main → renderer events, validated against the contract before they leave. */
export interface EventBus {
  /** Validates `payload` with the event's schema and hands it to every sink; invalid payloads are logged and dropped. */
  emit<D extends Domain, E extends EventName<D>>(domain: D, event: E, payload: EventPayload<D, E>): void;
  /**
   * Hands `payload` to every sink without parsing it: only for payloads built by typed code from
   * data already parsed where it crossed into main (the job engine's messages, engine-host.ts), where
   * a second parse of every batch would cost main's event loop for nothing (issue 12).
   */
  emitParsed<D extends Domain, E extends EventName<D>>(domain: D, event: E, payload: EventPayload<D, E>): void;
  /** Adds a sink; returns a function that removes it. */
  subscribe(sink: EventSink): () => void;
}

export function createEventBus(log: Logger): EventBus {
  const sinks = new Set<EventSink>();
  return {
    emit(domain, event, payload) {
      const def = (contract[domain].events as Record<string, { payload: { safeParse(v: unknown): { success: boolean; data?: unknown } } }>)[event];
      const channel = channelName(domain, event);
      const parsed = def?.payload.safeParse(payload);
      if (!parsed?.success) {
        log.error('ipc.event_invalid', { channel });
        return;
      }
      for (const sink of sinks) sink(channel, parsed.data);
    },
    emitParsed(domain, event, payload) {
      const channel = channelName(domain, event);
      for (const sink of sinks) sink(channel, payload);
    },
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
  };
}
