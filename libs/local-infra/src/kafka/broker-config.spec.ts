import { newClusterId, renderLog4j2Properties, renderServerProperties } from './broker-config';

function properties(text: string): Map<string, string> {
  return new Map(
    text
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith('#'))
      .map((line) => {
        const at = line.indexOf('=');
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()] as const;
      }),
  );
}

describe('renderServerProperties', () => {
  const props = properties(renderServerProperties({ port: 19092, controllerPort: 19093, logDirs: '/data/kraft' }));

  it('runs one combined KRaft node whose listeners use the configured ports', () => {
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:19093');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:19092,CONTROLLER://127.0.0.1:19093');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:19092');
    expect(props.get('log.dirs')).toBe('/data/kraft');
  });

  it('sets every internal topic to replication factor 1 so a single broker can create them', () => {
    for (const key of [
      'offsets.topic.replication.factor',
      'transaction.state.log.replication.factor',
      'transaction.state.log.min.isr',
      'share.coordinator.state.topic.replication.factor',
      'share.coordinator.state.topic.min.isr',
    ]) {
      expect([key, props.get(key)]).toEqual([key, '1']);
    }
    expect(props.get('group.initial.rebalance.delay.ms')).toBe('0');
  });

  it('escapes backslashes of Windows paths, which Java properties would read as escapes', () => {
    const windows = properties(renderServerProperties({ port: 1, controllerPort: 2, logDirs: 'C:\\revisit\\kraft' }));
    expect(windows.get('log.dirs')).toBe('C:\\\\revisit\\\\kraft');
  });
});

describe('renderLog4j2Properties', () => {
  it('logs warnings by default and broker lifecycle at INFO, to the console', () => {
    const props = properties(renderLog4j2Properties());
    expect(props.get('rootLogger.level')).toBe('WARN');
    expect(props.get('logger.server.name')).toBe('kafka.server');
    expect(props.get('logger.server.level')).toBe('INFO');
    expect(props.get('appender.console.type')).toBe('Console');
  });
});

describe('newClusterId', () => {
  it('is 16 random bytes in unpadded base64url that never starts with a dash', () => {
    const ids = Array.from({ length: 500 }, () => newClusterId());
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
      expect(Buffer.from(id, 'base64url')).toHaveLength(16);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
