import { renderReport, reportRow } from '../../bench/lib/bench-report';

const machine = { cpuCount: 2, cpuModel: 'AMD EPYC', memoryGb: 23.5, node: 'v20.20.2', loadAverage: [0.5, 1, 2] };

describe('bench report', () => {
  it('puts each bench figure beside its baseline and goal, with the date and machine it ran on', () => {
    const report = renderReport([
      {
        name: 'pipeline',
        json: {
          date: '2026-11-23T16:00:00.123Z',
          machine,
          settings: { messages: 20000 },
          pipeline: { eventsPerSecond: 1234, p99Ms: 456.7 },
          rssMb: { ingest: 180.2, scheduler: 210 },
          rawKafkajs: { eventsPerSecond: 30000 },
          ratio: 0.041,
          goals: { ratio: 0.5, eventsPerSecond: 5000, p99Ms: 1000, rssMb: 256 },
          goalsMet: { ratio: false, eventsPerSecond: false, p99Ms: true, rssMb: true },
        },
      },
    ]);
    const row = report.split('\n').find((line) => line.startsWith('| pipeline |'));
    expect(row).toBe(
      '| pipeline | 1,234 events/s feed → task (20,000 dispenses), p99 456.7 ms, peak RSS ingest 180.2 MB, scheduler 210 MB | ' +
        'raw kafkajs 30,000 events/s (ratio 0.041) | ≥ 0.5× raw, ≥ 5,000 events/s, p99 < 1,000 ms, RSS < 256 MB | no | ' +
        '2026-11-23 16:00:00 UTC | 2 × AMD EPYC, 23.5 GB, v20.20.2, load 0.5/1/2 |',
    );
  });

  it('says yes only when every goal of a bench is met', () => {
    const messaging = (goalsMet: Record<string, boolean>) =>
      reportRow({ name: 'messaging', json: { date: '2026-11-23T15:00:00Z', machine, goalsMet } }).met;
    expect(messaging({ ratio: true, eventsPerSecond: true })).toBe(true);
    expect(messaging({ ratio: true, eventsPerSecond: false })).toBe(false);
    expect(reportRow({ name: 'outreach', json: { measuredAt: '2026-11-23T15:00:00Z', goalMet: false } }).met).toBe(
      false,
    );
  });

  it('still lists a file of unknown or partial shape, marking what it cannot tell', () => {
    const row = reportRow({ name: 'newthing', json: { generatedAt: '2026-11-23T15:00:00Z', node: 'v20.20.2' } });
    expect(row).toMatchObject({
      bench: 'newthing',
      met: undefined,
      date: '2026-11-23 15:00:00 UTC',
      machine: 'node v20.20.2',
    });
    const partial = reportRow({ name: 'ingest', json: {} });
    expect(partial.figure).toContain('? msg/s');
    expect(renderReport([{ name: 'newthing', json: {} }])).toContain('| newthing | ? | — |');
  });

  it('orders the rows by bench name and escapes pipes inside cells', () => {
    const report = renderReport([
      { name: 'scheduler', json: {} },
      { name: 'a|b', json: {} },
    ]);
    const benches = report
      .split('\n')
      .filter((line) => line.startsWith('| ') && !line.startsWith('| bench') && !line.startsWith('| ---'))
      .map((line) => line.slice(2, line.indexOf(' |', 2)));
    expect(benches).toEqual(['a\\|b', 'scheduler']);
  });
});
