import { strategicMerge } from '../../tools/k8s/src/strategic-merge';
import { parseImage } from '../../tools/k8s/src/transformers';

describe('strategicMerge', () => {
  it('merges Service ports on port and container ports on containerPort', () => {
    const service = {
      spec: {
        ports: [
          { name: 'http', port: 80 },
          { name: 'mllp', port: 2575 },
        ],
      },
    };
    expect(strategicMerge(service, { spec: { ports: [{ port: 2575, nodePort: 32575 }] } }, true)).toEqual({
      spec: {
        ports: [
          { name: 'http', port: 80 },
          { name: 'mllp', port: 2575, nodePort: 32575 },
        ],
      },
    });
    const container = { ports: [{ name: 'http', containerPort: 3001 }] };
    expect(strategicMerge(container, { ports: [{ containerPort: 2575, name: 'mllp' }] }, true)).toEqual({
      ports: [
        { name: 'http', containerPort: 3001 },
        { containerPort: 2575, name: 'mllp' },
      ],
    });
  });

  it('replaces lists without a merge key, and every list of a custom resource', () => {
    expect(strategicMerge({ args: ['a', 'b'] }, { args: ['c'] }, true)).toEqual({ args: ['c'] });
    const listeners = [{ name: 'plain', port: 9092 }];
    expect(
      strategicMerge({ spec: { listeners } }, { spec: { listeners: [{ name: 'tls', port: 9093 }] } }, false),
    ).toEqual({
      spec: { listeners: [{ name: 'tls', port: 9093 }] },
    });
  });

  it('replaces a whole map on $patch: replace and refuses unknown directives', () => {
    expect(strategicMerge({ a: { x: 1, y: 2 } }, { a: { $patch: 'replace', z: 3 } }, true)).toEqual({ a: { z: 3 } });
    expect(() => strategicMerge({}, { $retainKeys: ['a'] }, true)).toThrow('unsupported strategic merge directive');
  });
});

describe('parseImage', () => {
  it('tells a registry port from a tag and keeps digests', () => {
    expect(parseImage('registry.local:5000/revisit/ingest')).toEqual({ name: 'registry.local:5000/revisit/ingest' });
    expect(parseImage('registry.local:5000/revisit/ingest:0.1.0')).toEqual({
      name: 'registry.local:5000/revisit/ingest',
      tag: '0.1.0',
    });
    expect(parseImage('ghcr.io/a/b:1@sha256:00ff')).toEqual({ name: 'ghcr.io/a/b', tag: '1', digest: 'sha256:00ff' });
  });
});
