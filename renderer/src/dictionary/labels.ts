// Chinese names for what the dictionary screens show; the engine's own labels (shared/labels.ts)
// cover parts, categories and severities.
import type { ImportRowAction } from '../../../shared/dictionary-api';
import type { ValidatorName } from '../../../shared/dictionary/types';
import type { Severity } from '../../../shared/findings';

export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = { block: 'red', review: 'orange', info: 'blue' };

export const VALIDATOR_LABELS: Readonly<Record<ValidatorName, string>> = {
  'cn-id-card': '居民身份证号（地区码、出生日期、校验位）',
  'luhn-card': '银行卡号（Luhn 校验）',
  'cn-mobile': '手机号码',
  coordinate: '经纬度坐标',
  ipv4: 'IPv4 地址',
  date: '日期',
  'copy-number': '份号',
};

export const BOUNDARY_LABELS = {
  auto: '自动（3 字以内的中文词须成词）',
  word: '须成词（按分词判断）',
  none: '任意位置',
} as const;

export const IMPORT_ACTION_LABELS: Readonly<Record<ImportRowAction, { label: string; color: string }>> = {
  add: { label: '新增', color: 'green' },
  change: { label: '修改', color: 'blue' },
  duplicate: { label: '重复，跳过', color: 'default' },
  invalid: { label: '无效，拒绝', color: 'red' },
};
