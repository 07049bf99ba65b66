import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { residentIdCheckChar } from '@revisit/domain';
import { EmpiExitCode, runEmpiCommand } from './empi-link.command';

const card = (first17: string): string => first17 + residentIdCheckChar(first17);
const HEADER = 'id,name,pinyin,sex,birth_date,id_card,mobile,address';
const LEFT = [
  HEADER,
  `h1,王小明,Wang Xiaoming,M,1980-05-12,${card('11010519800512001')},13800138000,北京市朝阳区建国路88号1栋2单元301室`,
  `h2,李丽,Li Li,F,1975-03-08,${card('31011519750308002')},13900139000,上海市浦东新区人民路5号`,
  `h3,张伟,Zhang Wei,M,1990-11-30,,13700137000,广东省广州市天河区中山路20号`,
].join('\n');
const RIGHT = [
  HEADER,
  // Same card: deterministic match despite the homophone and the +86 prefix.
  `c1,王晓明,,男,19800512,${card('11010519800512001')},+86 13800138000,朝阳区建国路88号1栋2单元301室`,
  // No card, traditional characters, day and month swapped: probabilistic.
  `c2,張偉,Zhang Wei,男,1990-30-11,,13700137000,广东省广州市天河区中山路20号`,
  `c3,赵敏,Zhao Min,F,1962-01-01,,13600136000,四川省成都市武侯区幸福路1号`,
].join('\n');

describe('revisit empi link', () => {
  let dir: string;
  const out: string[] = [];
  const err: string[] = [];
  const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
  const file = (name: string, text: string): string => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'empi-link-'));
    out.length = 0;
    err.length = 0;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('links two sources and writes left_id,right_id,score,decision', async () => {
    const output = path.join(dir, 'links.csv');
    const code = await runEmpiCommand(
      [
        'link',
        '--input',
        file('a.csv', LEFT),
        '--input',
        file('b.csv', RIGHT),
        '--format',
        'revisit',
        '--output',
        output,
      ],
      io,
    );
    expect(code).toBe(EmpiExitCode.Ok);
    const lines = readFileSync(output, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('left_id,right_id,score,decision');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map(([l, r, , d]) => `${l}-${r}-${d}`).sort()).toEqual(['h1-c1-match', 'h3-c2-match']);
    expect(rows.every(([, , score]) => Number(score) >= 0 && Number(score) <= 1)).toBe(true);
    expect(err.join('')).toMatch(/6 records/);
  });

  it('deduplicates one FEBRL file and writes to standard output with "-"', async () => {
    const febrl = [
      'rec_id, given_name, surname, street_number, address_1, address_2, suburb, postcode, state, date_of_birth, soc_sec_id',
      'x1, sarah, bruhn, 44, forbes street, wintersloe, kellerberrin, 4510, vic, 19300213, 7535316',
      'x2, sara, bruhn, 44, forbes street, wintersloe, kellerberrin, 4510, vic, 19300213, 7535316',
      'x3, jacob, lanyon, 5, milne cove, wellwod, beaconsfield upper, 2602, vic, 19080712, 9497788',
    ].join('\n');
    const code = await runEmpiCommand(['link', '--input', file('f.csv', febrl), '--format=febrl', '--output', '-'], io);
    expect(code).toBe(EmpiExitCode.Ok);
    expect(out.join('')).toMatch(/^left_id,right_id,score,decision\nx1,x2,[01]\.\d{6},match\n$/);
  });

  it('prints the usage on --help with exit code 0', async () => {
    expect(await runEmpiCommand(['--help'], io)).toBe(EmpiExitCode.Ok);
    expect(await runEmpiCommand(['link', '--help'], io)).toBe(EmpiExitCode.Ok);
    expect(out.join('')).toMatch(/^Usage: revisit empi link/);
  });

  it.each([
    [[]],
    [['link']],
    [['link', '--input', 'a.csv']],
    [['link', '--input', 'a.csv', '--output', 'o.csv', '--format', 'hl7']],
    [['link', '--input', 'a', '--input', 'b', '--input', 'c', '--output', 'o']],
    [['link', '--input', 'a.csv', '--output', 'o.csv', '--threshold', '0.5']],
    [['merge']],
  ])('rejects %j with exit code 2 and the usage', async (argv) => {
    expect(await runEmpiCommand(argv, io)).toBe(EmpiExitCode.UsageError);
    expect(err.join('')).toMatch(/Usage: revisit empi link/);
  });

  it('exits 1 on a missing file or column, without echoing record values', async () => {
    expect(await runEmpiCommand(['link', '--input', path.join(dir, 'nope.csv'), '--output', '-'], io)).toBe(
      EmpiExitCode.InputError,
    );
    const noName = file('bad.csv', 'id,mobile\nq1,13800138000\n');
    expect(await runEmpiCommand(['link', '--input', noName, '--output', '-'], io)).toBe(EmpiExitCode.InputError);
    const dupIds = file('dup.csv', `${HEADER}\nq1,王小明,,,,,13800138000,\nq1,李丽,,,,,,\n`);
    expect(await runEmpiCommand(['link', '--input', dupIds, '--output', '-'], io)).toBe(EmpiExitCode.InputError);
    const messages = err.join('');
    expect(messages).toMatch(/ENOENT/);
    expect(messages).toMatch(/missing column "name"/);
    expect(messages).toMatch(/EMPI_DUPLICATE_RECORD_ID/);
    expect(messages).not.toMatch(/13800138000|王小明|李丽/);
  });
});
