// Child process of scripts/bench-department.ts: one desktop. It prepares its documents (submitted,
// scanned, the block finding disposed of), says "prepared", waits for "go" on stdin so that every
// desktop signs at the same time, then signs the three steps of each document, each sign-off its
// own transaction as in the window. Its last line is the sign-off latencies in ms, as JSON.
import { createInterface } from 'node:readline';
import { openServices } from '../../electron/services/open-services';
import { warmSegmenter } from '../../electron/segment/jieba-segmenter';

const [database, desktop, countText, password] = process.argv.slice(2);
warmSegmenter();
const services = openServices({ database });
const s = services.records;
const drafter = s.login(`drafter${desktop}`, password);
const head = s.login(`head${desktop}`, password);
const office = s.login(`office${desktop}`, password);

const versions: string[] = [];
for (let n = 0; n < Number(countText); n++) {
  const bytes = Buffer.from(`内部资料\n关于第${desktop}处第${n}号事项的报告\n各处室：\n现将有关情况报告如下，请认真组织落实。\n`, 'utf8');
  let doc = await s.submitFile(drafter, { name: `报告-${desktop}-${n}.txt`, bytes }, { title: `第${desktop}处第${n}号事项` });
  for (const f of doc.scan.findings.filter((x) => x.severity === 'block')) doc = s.dispose(drafter, f.id, 'keep', '公开稿中删除');
  versions.push(doc.latestVersion.id);
}
process.stdout.write('prepared\n');
const lines = createInterface({ input: process.stdin });
for await (const line of lines) if (line === 'go') break;

const latencies: number[] = [];
const timed = (sign: () => void) => {
  const t = performance.now();
  sign();
  latencies.push(performance.now() - t);
};
for (const version of versions) {
  timed(() => s.sign(drafter, version, { step: 'drafter', decision: 'approve', opinion: '已自查' }));
  timed(() => s.sign(head, version, { step: 'division-head', decision: 'approve', opinion: '同意' }));
  timed(() => s.sign(office, version, { step: 'office', decision: 'approve', opinion: '删除后公开', outcome: '删除后公开', legalBasis: '《政府信息公开条例》第十六条' }));
}
services.close();
process.stdout.write(JSON.stringify(latencies) + '\n');
lines.close();
