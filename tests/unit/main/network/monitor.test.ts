import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createNetworkMonitor, type NetworkMonitor } from '../../../../src/main/network/monitor';

/**
 * The monitor under fake timers. Its input, the probe, is a scripted "network": `up` says what the
 * next probes answer; every call is counted with the fake time it happened at.
 */
function scriptedNetwork() {
  const state = { up: true, calls: [] as number[], throws: false };
  const probe = async () => {
    state.calls.push(Date.now());
    if (state.throws) throw new Error('resolver exploded');
    return state.up;
  };
  return { state, probe };
}

let monitor: NetworkMonitor | undefined;
beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  monitor?.dispose();
  monitor = undefined;
  vi.useRealTimers();
});

function start(net: ReturnType<typeof scriptedNetwork>, changes: boolean[], extra: { failuresToOffline?: number; successesToOnline?: number } = {}) {
  monitor = createNetworkMonitor({ probe: net.probe, intervalMs: 10_000, fastIntervalMs: 1_000, onChange: (v) => changes.push(v), ...extra });
  return monitor;
}

describe('createNetworkMonitor', () => {
  it('probes at once, then every intervalMs while online, and reports nothing while nothing changes', async () => {
    const net = scriptedNetwork();
    const changes: boolean[] = [];
    const m = start(net, changes);
    await vi.advanceTimersByTimeAsync(0);
    expect(net.state.calls).toEqual([0]);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(net.state.calls).toEqual([0, 10_000, 20_000, 30_000]);
    expect(m.online()).toBe(true);
    expect(changes).toEqual([]);
  });

  it('goes offline only after two failed probes in a row, confirming the first failure on the fast interval', async () => {
    const net = scriptedNetwork();
    const changes: boolean[] = [];
    const m = start(net, changes);
    await vi.advanceTimersByTimeAsync(0);
    net.state.up = false;
    await vi.advanceTimersByTimeAsync(10_000);
    // One failure: still online, next probe comes on the fast interval.
    expect(m.online()).toBe(true);
    expect(changes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(net.state.calls).toEqual([0, 10_000, 11_000]);
    expect(m.online()).toBe(false);
    expect(changes).toEqual([false]);
  });

  it('a single failure between successes never takes it offline', async () => {
    const net = scriptedNetwork();
    const changes: boolean[] = [];
    const m = start(net, changes);
    await vi.advanceTimersByTimeAsync(0);
    net.state.up = false;
    await vi.advanceTimersByTimeAsync(10_000);
    net.state.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    // The success reset the count: back to the slow interval, and another lone failure is again just one.
    net.state.up = false;
    await vi.advanceTimersByTimeAsync(10_000);
    expect(net.state.calls).toEqual([0, 10_000, 11_000, 21_000]);
    expect(m.online()).toBe(true);
    expect(changes).toEqual([]);
  });

  it('probes on the fast interval while offline and comes back after one success', async () => {
    const net = scriptedNetwork();
    net.state.up = false;
    const changes: boolean[] = [];
    const m = start(net, changes);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([false]);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(net.state.calls).toEqual([0, 1_000, 2_000, 3_000, 4_000]);
    expect(changes).toEqual([false]);
    net.state.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.online()).toBe(true);
    expect(changes).toEqual([false, true]);
    // Online again: back to the slow interval.
    await vi.advanceTimersByTimeAsync(9_999);
    expect(net.state.calls).toHaveLength(6);
    await vi.advanceTimersByTimeAsync(1);
    expect(net.state.calls).toHaveLength(7);
  });

  it('honours other thresholds', async () => {
    const net = scriptedNetwork();
    net.state.up = false;
    const changes: boolean[] = [];
    const m = start(net, changes, { failuresToOffline: 3, successesToOnline: 2 });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.online()).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([false]);
    net.state.up = true;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(m.online()).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([false, true]);
  });

  it('counts a probe that throws as a failure', async () => {
    const net = scriptedNetwork();
    net.state.throws = true;
    const changes: boolean[] = [];
    start(net, changes);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(changes).toEqual([false]);
  });

  it('poke probes now instead of at the next tick, and restarts the interval from there', async () => {
    const net = scriptedNetwork();
    const changes: boolean[] = [];
    const m = start(net, changes);
    await vi.advanceTimersByTimeAsync(4_000);
    net.state.up = false;
    m.poke();
    await vi.advanceTimersByTimeAsync(0);
    expect(net.state.calls).toEqual([0, 4_000]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(net.state.calls).toEqual([0, 4_000, 5_000]);
    expect(changes).toEqual([false]);
  });

  it('runs one probe at a time: a poke during a slow probe does not start a second', async () => {
    let release: (v: boolean) => void = () => undefined;
    let calls = 0;
    const probe = () =>
      new Promise<boolean>((resolve) => {
        calls++;
        release = resolve;
      });
    const changes: boolean[] = [];
    monitor = createNetworkMonitor({ probe, intervalMs: 10_000, fastIntervalMs: 1_000, onChange: (v) => changes.push(v) });
    await vi.advanceTimersByTimeAsync(0);
    monitor.poke();
    monitor.poke();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(calls).toBe(1);
    release(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
  });

  it('override sets the state at once and stops probing; null hands it back to the probe', async () => {
    const net = scriptedNetwork();
    const changes: boolean[] = [];
    const m = start(net, changes);
    await vi.advanceTimersByTimeAsync(0);
    m.override(false);
    expect(m.online()).toBe(false);
    expect(changes).toEqual([false]);
    await vi.advanceTimersByTimeAsync(60_000);
    m.poke();
    await vi.advanceTimersByTimeAsync(0);
    expect(net.state.calls).toEqual([0]);
    m.override(null);
    await vi.advanceTimersByTimeAsync(0);
    // The real network is up: the first probe brings it back.
    expect(net.state.calls).toEqual([0, 60_000]);
    expect(changes).toEqual([false, true]);
  });

  it('ignores a probe that ends after an override or dispose', async () => {
    let release: (v: boolean) => void = () => undefined;
    const probe = () =>
      new Promise<boolean>((resolve) => {
        release = resolve;
      });
    const changes: boolean[] = [];
    monitor = createNetworkMonitor({ probe, intervalMs: 10_000, failuresToOffline: 1, onChange: (v) => changes.push(v) });
    await vi.advanceTimersByTimeAsync(0);
    monitor.override(true);
    release(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(monitor.online()).toBe(true);
    monitor.dispose();
    expect(changes).toEqual([]);
  });

  it('stops probing after dispose', async () => {
    const net = scriptedNetwork();
    const m = start(net, []);
    await vi.advanceTimersByTimeAsync(0);
    m.dispose();
    m.poke();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(net.state.calls).toEqual([0]);
  });
});
