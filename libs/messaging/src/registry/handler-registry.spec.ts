import { MessagingError, MessagingErrorCode } from '../core/messaging.errors';
import { HandlerRegistry } from './handler-registry';

const noop = (): Promise<void> => Promise.resolve();

function failure(run: () => void): MessagingError {
  try {
    run();
  } catch (error) {
    if (error instanceof MessagingError) return error;
    throw error;
  }
  throw new Error('expected a MessagingError');
}

describe('HandlerRegistry', () => {
  it('accepts exactly one handler per subscribed type and resolves it', () => {
    const registry = new HandlerRegistry();
    registry.register('a.v1', noop, 'A.onA');
    expect(() => registry.assertComplete(['a.v1'])).not.toThrow();
    expect(registry.resolve('a.v1')).toBe(noop);
    expect(registry.resolve('b.v1')).toBeUndefined();
  });

  it('names the subscribed type that has no handler', () => {
    const registry = new HandlerRegistry();
    registry.register('a.v1', noop, 'A.onA');
    const error = failure(() => registry.assertComplete(['a.v1', 'b.v1']));
    expect(error.code).toBe(MessagingErrorCode.MissingHandler);
    expect(error.message).toContain('no @EventHandler for subscribed event type "b.v1"');
  });

  it('names the type and both providers when two handlers claim it, and resolves neither', () => {
    const registry = new HandlerRegistry();
    registry.register('a.v1', noop, 'First.onA');
    registry.register('a.v1', noop, 'Second.handle');
    const error = failure(() => registry.assertComplete(['a.v1']));
    expect(error.code).toBe(MessagingErrorCode.DuplicateHandler);
    expect(error.message).toContain('event type "a.v1" has 2 handlers: First.onA, Second.handle');
    expect(registry.resolve('a.v1')).toBeUndefined();
  });

  it('rejects a handler for a type the app does not subscribe to', () => {
    const registry = new HandlerRegistry();
    registry.register('a.v1', noop, 'A.onA');
    registry.register('z.v1', noop, 'Z.onZ');
    expect(failure(() => registry.assertComplete(['a.v1'])).message).toContain('Z.onZ for "z.v1"');
  });
});
