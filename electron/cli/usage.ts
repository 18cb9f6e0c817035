// The help text: every command, where the password comes from, and what the exit status means.
export const USAGE = `用法：
  mishen [--db 数据库文件] scan 文件或目录... [--dict 词库文件或目录]... [--format json|jsonl|text]
  mishen --db 数据库文件 命令 ...

审查（不需要数据库；给出 --db 时每次审查及其审计记录记入该数据库）：
  scan 文件或目录... [--dict 词库]... [--format json|jsonl|text] [--jobs N] [--timeout 秒] [--memory MB] [--no-ocr] [--ocr-pages N] [--] [文件...]
    --dict     追加自定义词库（.csv：表头 term,category,severity,note 或 词条,类别,严重程度,说明；.txt：每行一个词；.json：本软件词库格式），可重复
    --format   输出格式：text（默认，便于阅读）、json（供程序处理，逐份写出）或 jsonl（每行一份报告）
    --jobs     同时审查的文件数（默认为处理器核数减一，至多 4）
    --timeout  每个文件的审查时限（默认 120 秒，从 OCR 识别上一页时算起），超时记为 timeout
    --no-ocr   不做 OCR：扫描页和图片只提示须人工审查，图片文件不予读取
    --ocr-pages 每个文件最多用 OCR 识别的页数和图片数（默认 100）
    --memory   每个文件的内存上限（默认 1536 MB），超出记为 too-large
    --         其后的参数都是文件名（即使以 -- 开头）

记录与签批（须在命令前给出 --db）：
  init --admin 用户名 --name 姓名                        新建数据库的第一个用户（系统管理员）
  users add --username 用户名 --name 姓名 --role 角色 --division 处室 [--new-password-env 变量名]
        角色：drafter 起草人、division-head 处室负责人、office-reviewer 办公室审核人、
              security-officer 保密员、admin 系统管理员
        新用户的密码取自 --new-password-env 指定的环境变量，否则从标准输入读一行
  users list | users disable --username 用户名 | users enable --username 用户名
  submit 文件 [--title 标题] [--doc-number 文号] [--document 文稿编号（提交新版本）]
        [--mode 主动公开|依申请公开|不予公开] [--channel 渠道] [--scope 范围] [--publish-time 时间]
        [--dict 词库]... [--format text|json]
  show 文稿编号 [--format text|json]                     文稿、版本、发现（含编号）与签批
  list [--state 待自查|待处室审核|待办公室审核|已退回|已办结] [--search 关键词] [--format text|json]
  dispose 发现编号 --action fixed|false-positive|keep|must-fix [--reason 理由] [--propose-allow]
        已修改、误报、保留并说明、确认需修改；误报和保留须写理由；--propose-allow 把误报提交保密员加入白名单
  sign 版本编号 --step drafter|division-head|office --decision approve|return --opinion 意见
        [--outcome 可以公开|删除后公开|修改后复审|不予公开|报保密部门审定] [--legal-basis 法律依据]
  export 文稿编号 --out 文件.html|文件.pdf                保密审查单
  register --month YYYY-MM --out 文件.csv|文件.html|文件.pdf   月度保密审查登记簿
  audit verify [--expect 序号:哈希]...                    逐条核对记录与审计记录、电子签名、哈希链及锚定文件（不需登录）；
        --expect 核对审查单或登记簿上所印的审计链头
  audit list [--limit 条数] [--format text|json]         保密员或系统管理员查看审计日志
  backup 备份文件                                        在线备份 --db 数据库并校验备份
  restore 备份文件                                       校验备份后替换 --db 数据库（请先关闭密审窗口）

词库管理（保密员；mishen --db 数据库 dict 查看全部子命令）：
  dict list | show [版本] | diff 版本A 版本B | import 文件 [--apply] | export --format csv|txt|xlsx|json --out 文件
  dict rollback 版本 | add | disable | enable | remove | public-key | trust-key | package-export | package-import | proposals

操作人：除 scan、init、audit verify、backup、restore 外，每个命令都以某个用户的身份执行：
  --user 用户名（或环境变量 MISHEN_USER），密码取自环境变量 MISHEN_PASSWORD，
  或用 --password-stdin 从标准输入读第一行（users add 的新密码随后一行）。
  --user 与 --password-stdin 可写在命令之前或之后；密码从不写在命令行上。

退出码：
  0  成功（scan：全部通过；audit verify：审计日志完整）
  1  scan：有需审查或禁止发布的文件；audit verify：记录、签名、审计日志或锚定文件不符（逐条指出）
  2  用法错误、用户名或密码错误、操作被拒绝（括号内为原因代码，如 open-block-findings、
     wrong-role、wrong-division、stale-version、out-of-order、reviewer-is-drafter、invalid、
     bad-credentials、key-locked、tampered）、数据库或备份无法使用；scan：有文件无法读取，或审查结果未能记入数据库
  3  内部错误`;

/** The usage lines of one command (with their continuation lines), for an error message. */
export function usageOf(command: string | undefined): string {
  const lines = USAGE.split('\n');
  const picked: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (command === undefined || !lines[i].startsWith(`  ${command} `)) continue;
    picked.push(lines[i]);
    while (lines[i + 1]?.startsWith('    ')) picked.push(lines[++i]);
  }
  if (picked.length === 0) return USAGE;
  return `用法：\n${picked.join('\n')}\n（运行 mishen --help 查看全部命令、操作人与退出码）`;
}
