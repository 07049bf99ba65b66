/** Resolves on the first Ctrl-C (SIGINT) or SIGTERM; a second one while stopping forces an immediate exit. */
export function waitForStopSignal(): { readonly stopped: Promise<NodeJS.Signals>; dispose(): void } {
  let received: NodeJS.Signals | undefined;
  let resolveStopped: (signal: NodeJS.Signals) => void = () => undefined;
  const stopped = new Promise<NodeJS.Signals>((resolve) => (resolveStopped = resolve));
  const onSignal = (signal: NodeJS.Signals): void => {
    if (received) {
      console.error('revisit demo: second signal, exiting without waiting (services may keep running)');
      process.exit(130);
    }
    received = signal;
    resolveStopped(signal);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stopped,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
