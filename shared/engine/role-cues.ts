// The grammar of Chinese official documents that the role decisions read (GB/T 9704 and the way
// notices, laws and reports are written). These are words of the language of documents, not
// sensitive terms: which terms weigh by which role is dictionary data (severityByRole).
// Every list is used in one place: document-structure.ts for the lines of a document, usage.ts for
// the sentence a hit stands in.

/** Kinds of document a title ends with (文种). */
const TITLE_KINDS =
  '通知|通报|意见|批复|复函|函|请示|报告|决定|决议|命令|令|公告|通告|公报|纪要|议案|提案|方案|规划|计划|纲要|办法|规定|条例|细则|' +
  '规则|章程|准则|修正案|标准|规范|指南|清单|名单|目录|公示|预案|要点|总结|汇报|说明|答复|法|简报|汇编|批示|讲话';

/** Titles of normative texts: their articles state rules about categories of things. */
export const NORMATIVE_TITLE = /(?:法|条例|规定|办法|细则|规则|章程|准则|修正案|规范|决定)$/;
/** An article of a law or regulation (第十二条 …), also inside an amendment (一、在刑法第三十七条后 …). */
export const ARTICLE_LINE = /^.{0,14}第[一二三四五六七八九十百千零〇\d]+条/;

export const ENDS_WITH_KIND = new RegExp(`(?:${TITLE_KINDS})$`);
/** A title forwards or issues another document: 转发……的请示的通知, 印发……办法的通知. */
export const FORWARDING_TITLE = /转发|印发|批转|发布|公布|颁布/;
/** The parenthesised status after a title: （征求意见稿）（送审稿）（试行）（2024年修订）. */
export const TITLE_SUFFIX = /(?:\s*[（(][^（()）\n]{1,24}[）)])+\s*$/;

/** Lines of the head of an official document (版头) that come before the title. */
export const HEAD_LINE =
  /^(?:\d{6}|(?:绝密|机密|秘密).{0,12}|特急|加急|特提|平急|.{2,30}(?:文件|公函|电报|明电)|签发人[:：].*|.{0,20}[〔[（(]\d{4}[〕\]）)].{0,8}号.*)$/;
export const DOC_NUMBER = /^.{0,20}[〔[（(]\d{4}[〕\]）)]\s*(?:第\s*)?\d+\s*号/;
export const DATE_LINE =
  /^(?:(?:发布|印发|成文)?日期[:：])?(?:\d{4}|[〇零○一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月\s*[\d一二三四五六七八九十]{1,3}\s*日?$|^(?:(?:发布|印发|成文)?日期[:：])?\d{4}[-./]\d{1,2}[-./]\d{1,2}$/;
/** An attachment marker on a line of its own (附件 / 附件：/ 附件1). */
export const ANNEX_MARKER = /^附\s*件\s*\d*[:：]?$/;
/** A note line: 注：… （注：…） 备注：… */
export const NOTE_LINE = /^[（(]?\s*(?:注|备注|附注|说明)\s*\d*\s*[:：]/;
/** A line wholly in parentheses (附注 such as （此件公开发布）), but not a heading such as （一）…. */
export const PARENTHESISED_LINE = /^[（(](?![一二三四五六七八九十\d]+[）)]).{1,60}[）)]$/;
export const COLOPHON_LINE = /^(?:抄送|抄报|主送|分送|发送)[:：]|印发$/;
/** Headings and list items that a title never starts with. */
export const NOT_A_TITLE_START = /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|第[一二三四五六七八九十百零〇\d]+[章节条部]|\d+[.、．]|附\s*件|抄送|注[:：])/;

/** A notice published for the public to comment on, or a publicity list (公示). */
export const PUBLIC_CONSULTATION = /公开征求|向社会(?:公开)?征求|征求社会|社会各界|社会公众|广大市民/;
export const PUBLIC_NOTICE_TITLE = /公示$|任前公示|公示名单/;
/** What makes a consultation or a list internal after all. */
export const INTERNAL_CIRCULATION = /不对外公开|内部征求|请各处室|仅供内部|内部讨论|不得外传|请勿外传/;

/** The subject of the sentence is this document (本文件属于工作秘密, 以上数据为初步统计数). */
export const SELF_REFERENCE = [
  '本文件', '本文', '此件', '本件', '此文', '本稿', '此稿', '本材料', '本资料', '本报告', '本通知', '本方案', '本纪要',
  '本表', '本页', '本期', '本汇编', '本简报', '以上数据', '上述数据', '表中数据', '以上内容', '上述内容', '以下内容', '所附材料',
];

/** Modal and rule words: the sentence states a rule about a category, not a fact about this draft. */
export const NORMATIVE = [
  '应当', '应', '须', '必须', '不得', '禁止', '严禁', '可以', '可', '依法', '依照', '按照', '予以', '不予', '有权', '负责',
  '规定', '要', '需', '需要', '不准', '允许', '限于', '一律', '均应', '方可', '酌情',
];

/** A definition: the word is the thing defined or part of its definition. */
export const DEFINITION = ['是指', '所称', '系指', '指的是', '称为', '含义'];

/** Published boundary points and ranges (界址点、四至): coordinates there describe an area, not a facility. */
export const BOUNDARY = ['联线', '连线', '界线', '边界', '界址', '拐点', '四至', '起点', '终点', '界桩', '基点', '范围', '控制点'];

/** Labels of a contact line that a notice publishes on purpose. */
export const CONTACT_LABELS = [
  '联系人', '联系电话', '联系方式', '联系', '咨询电话', '咨询', '监督电话', '投诉电话', '举报电话', '值班电话', '服务电话', '热线',
  '传真', '邮箱', '电子邮件', '电子信箱', '办公电话', '电话',
];

/** A time of day ties a duty arrangement to a real schedule (20:00至次日8:00, 夜间). */
export const TIME_OF_DAY = /\d{1,2}\s*[:：]\s*\d{2}|\d{1,2}\s*(?:时|点)(?:\d{1,2}分)?[至到-]|夜间|凌晨/;

/** Delimiters of a sentence, and of the items of a list inside it. */
export const SENTENCE_END = /[。！？；!?;]/;
/** Clauses end at commas and colons too: 本报告……属于工作秘密，未经批准不得扩散 is two clauses. */
export const CLAUSE_END = /[。！？；!?;，,：:]/;
export const ITEM_DELIMITER = /[、，。；：,;:（）()“”"《》\n\t]/;
