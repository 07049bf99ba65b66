import { readFileSync } from 'node:fs';
import path from 'node:path';
import { EVENT_CATALOGUE } from '@revisit/domain';
import { dlqTopicOf, retryTopicOf } from '@revisit/messaging';
import { renderTopicsFile, TOPICS_FILE, topicSpecs } from '../../tools/k8s/src/kafka-topics';
import { isKubeObject } from '../../tools/k8s/src/kube-object';
import { REPO_ROOT } from '../../tools/k8s/src/paths';
import { parseYamlDocuments } from '../../tools/k8s/src/yaml-documents';
import { OVERLAYS, renderOverlay } from './overlays';

const catalogue = Object.values(EVENT_CATALOGUE);

/** topic -> partitions, as the catalogue and the messaging naming rules define them. */
function expectedTopics(): Map<string, number> {
  return new Map(
    catalogue.flatMap((entry) => [
      [entry.topic, entry.partitions] as const,
      [retryTopicOf(entry.topic), entry.partitions] as const,
      [dlqTopicOf(entry.topic), entry.partitions] as const,
    ]),
  );
}

describe('KafkaTopic resources', () => {
  it('are exactly what the generator makes from the event catalogue today', () => {
    const committed = readFileSync(path.join(REPO_ROOT, TOPICS_FILE), 'utf8');
    // On failure: node tools/k8s/run.mjs generate-topics
    expect(committed).toBe(renderTopicsFile());
  });

  it('declare every catalogue topic with its retry and dead-letter topics and their partition counts', () => {
    const committed = parseYamlDocuments(readFileSync(path.join(REPO_ROOT, TOPICS_FILE), 'utf8'), TOPICS_FILE);
    const declared = new Map(
      committed.filter(isKubeObject).map((topic) => {
        const spec = topic['spec'] as { topicName: string; partitions: number };
        expect(topic.metadata.name).toBe(spec.topicName);
        return [spec.topicName, spec.partitions] as const;
      }),
    );
    expect(declared).toEqual(expectedTopics());
    expect(declared.size).toBe(catalogue.length * 3);
  });

  it.each(OVERLAYS)(
    'reach the %s render unchanged in name and partitions, bound to the revisit-kafka cluster',
    (overlay) => {
      const topics = renderOverlay(overlay).filter((object) => object.kind === 'KafkaTopic');
      const rendered = new Map(
        topics.map((topic) => [
          String((topic['spec'] as { topicName: string }).topicName),
          Number((topic['spec'] as { partitions: number }).partitions),
        ]),
      );
      expect(rendered).toEqual(expectedTopics());
      for (const topic of topics) expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe('revisit-kafka');
    },
  );

  it('give dead letters the longest retention and retries the shortest', () => {
    const retention = new Map(topicSpecs().map((spec) => [spec.role, spec.retentionMs]));
    expect(retention.get('dlq')).toBeGreaterThan(retention.get('event') ?? Infinity);
    expect(retention.get('retry')).toBeLessThan(retention.get('event') ?? 0);
  });

  it('follow a catalogue change: a new event with more partitions yields three topics of that size', () => {
    const [first] = catalogue;
    if (!first) throw new Error('empty catalogue');
    const widened = { ...first, topic: 'revisit.test.widened.v1' as typeof first.topic, partitions: 12 };
    const specs = topicSpecs([widened]);
    expect(specs.map((spec) => [spec.topic, spec.partitions])).toEqual([
      ['revisit.test.widened.v1', 12],
      ['revisit.test.widened.v1.retry', 12],
      ['revisit.test.widened.v1.dlq', 12],
    ]);
  });
});
