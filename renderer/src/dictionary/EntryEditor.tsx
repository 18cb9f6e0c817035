// Adding or editing one entry (a term or a pattern), checked as it is typed against the UNSAVED
// set: a regular expression that does not compile or matches almost everything, a duplicate, a
// term an allow-list phrase would swallow. Errors block 确定; warnings are shown and allowed.
import { AutoComplete, Form, Input, Modal, Radio, Select } from 'antd';
import { useMemo, useState } from 'react';
import { createEntryChecker, type EntryProblem } from '../../../shared/dictionary/validate-entry';
import { VALIDATOR_NAMES } from '../../../shared/dictionary/types';
import { SEVERITIES } from '../../../shared/findings';
import type { BoundaryMode, DictionaryEntry, ValidatorName } from '../../../shared/dictionary/types';
import type { Severity } from '../../../shared/findings';
import { SEVERITY_LABELS } from '../../../shared/labels';
import { dictionarySelectors, useMishenStore } from '../store';
import { categoryOptions } from './category-options';
import { entryIdFor, freeId } from './entry-ids';
import { BOUNDARY_LABELS, VALIDATOR_LABELS } from './labels';

interface Draft {
  type: 'term' | 'pattern';
  text: string;
  category: string;
  severity: Severity;
  note: string;
  boundary: BoundaryMode;
  validator: ValidatorName | '';
}

function draftOf(entry: DictionaryEntry | undefined, type: 'term' | 'pattern'): Draft {
  if (!entry) return { type, text: '', category: '', severity: 'review', note: '', boundary: 'auto', validator: '' };
  return {
    type: entry.type,
    text: entry.type === 'term' ? entry.term : entry.pattern,
    category: entry.category,
    severity: entry.severity,
    note: entry.note,
    boundary: entry.type === 'term' ? entry.boundary : 'auto',
    validator: entry.type === 'pattern' ? (entry.validator ?? '') : '',
  };
}

/** antd's status and help text for one field: errors first, then warnings. */
function fieldStatus(problems: readonly EntryProblem[], field: EntryProblem['field'], show: boolean) {
  const mine = show ? problems.filter((p) => p.field === field) : [];
  if (mine.length === 0) return {};
  const status: 'error' | 'warning' = mine.some((p) => p.level === 'error') ? 'error' : 'warning';
  return {
    validateStatus: status,
    help: (
      <div data-testid={`problems-${field}`} data-level={status}>
        {mine.map((p) => (
          <div key={p.message}>{p.message}</div>
        ))}
      </div>
    ),
  };
}

export interface EntryEditorProps {
  /** The entry to edit; absent: a new one of `newType`. */
  readonly entry?: DictionaryEntry;
  readonly newType?: 'term' | 'pattern';
  readonly onClose: () => void;
}

export function EntryEditor({ entry, newType = 'term', onClose }: EntryEditorProps) {
  const draftSet = useMishenStore(dictionarySelectors.draftSet);
  const addEntry = useMishenStore((s) => s.addEntry);
  const updateEntry = useMishenStore((s) => s.updateEntry);
  const [d, setD] = useState<Draft>(() => draftOf(entry, newType));
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set(entry ? ['text', 'category', 'severity'] : []));
  // Built once per set: indexing 100,000 terms takes a moment, checking a draft against them does not.
  const check = useMemo(() => createEntryChecker(draftSet ?? { entries: [], allow: [] }), [draftSet]);
  const options = useMemo(() => categoryOptions(draftSet), [draftSet]);

  const problems = check({
    id: entry?.id,
    type: d.type,
    term: d.type === 'term' ? d.text : undefined,
    pattern: d.type === 'pattern' ? d.text : undefined,
    category: d.category,
    severity: d.severity,
    boundary: d.type === 'term' ? d.boundary : undefined,
    validator: d.type === 'pattern' && d.validator ? d.validator : undefined,
  });
  const hasErrors = problems.some((p) => p.level === 'error');
  const change = (patch: Partial<Draft>, field: string) => {
    setD((prev) => ({ ...prev, ...patch }));
    setTouched((prev) => new Set([...prev, field]));
  };
  const textField = d.type === 'term' ? 'term' : 'pattern';

  const submit = () => {
    setTouched(new Set(['text', 'category', 'severity', 'boundary', 'validator']));
    if (hasErrors || !draftSet) return;
    const fields = {
      category: d.category.trim(),
      severity: d.severity,
      note: d.note,
      ...(d.type === 'term' ? { term: d.text.trim(), boundary: d.boundary } : { pattern: d.text, validator: d.validator || undefined }),
    };
    if (entry) updateEntry(entry.id, fields);
    else addEntry({ type: d.type, id: freeId(draftSet, entryIdFor(d.category, d.text)), ...fields });
    onClose();
  };

  const title = `${entry ? '编辑' : '新增'}${d.type === 'term' ? '词条' : '正则规则'}`;
  return (
    <Modal open title={title} okText="确定" cancelText="取消" onOk={submit} onCancel={onClose} okButtonProps={{ disabled: hasErrors && touched.size > 0 }} destroyOnHidden width={620}>
      <Form layout="vertical" aria-label={title} data-testid="entry-editor">
        <Form.Item label="类型">
          <Radio.Group value={d.type} disabled={!!entry} onChange={(e) => change({ type: e.target.value }, 'type')} optionType="button">
            <Radio value="term">词条</Radio>
            <Radio value="pattern">正则表达式</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item label={d.type === 'term' ? '词条' : '正则表达式（在规范化后的文字上匹配）'} {...fieldStatus(problems, textField, touched.has('text'))}>
          <Input
            aria-label={d.type === 'term' ? '词条' : '正则表达式'}
            data-testid="entry-text"
            className={d.type === 'pattern' ? 'mono' : undefined}
            value={d.text}
            autoFocus
            onChange={(e) => change({ text: e.target.value }, 'text')}
            placeholder={d.type === 'term' ? '例如：松柏计划' : '例如：(?<![0-9])1[3-9]\\d{9}(?![0-9])'}
          />
        </Form.Item>
        <Form.Item label="类别" {...fieldStatus(problems, 'category', touched.has('category'))}>
          <AutoComplete
            aria-label="类别"
            data-testid="entry-category"
            value={d.category}
            options={options}
            onChange={(value: string) => change({ category: value }, 'category')}
            filterOption={(input, option) => !!option && (option.value.includes(input) || String(option.label).includes(input))}
            placeholder="选择或输入类别标识，如 project-codename"
          />
        </Form.Item>
        <Form.Item label="严重程度" {...fieldStatus(problems, 'severity', touched.has('severity'))}>
          <Radio.Group value={d.severity} onChange={(e) => change({ severity: e.target.value }, 'severity')} aria-label="严重程度">
            {SEVERITIES.map((s) => (
              <Radio key={s} value={s}>
                {SEVERITY_LABELS[s]}
              </Radio>
            ))}
          </Radio.Group>
        </Form.Item>
        {d.type === 'term' ? (
          <Form.Item label="词边界" {...fieldStatus(problems, 'boundary', true)}>
            <Select aria-label="词边界" value={d.boundary} onChange={(v) => change({ boundary: v }, 'boundary')} options={Object.entries(BOUNDARY_LABELS).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        ) : (
          <Form.Item label="校验器（命中后再核验，去掉形似而不是的）" {...fieldStatus(problems, 'validator', true)}>
            <Select
              aria-label="校验器"
              value={d.validator}
              onChange={(v) => change({ validator: v }, 'validator')}
              options={[{ value: '', label: '不校验' }, ...VALIDATOR_NAMES.map((v) => ({ value: v, label: VALIDATOR_LABELS[v] }))]}
            />
          </Form.Item>
        )}
        <Form.Item label="说明（写入发现的解释）">
          <Input.TextArea aria-label="说明" value={d.note} onChange={(e) => change({ note: e.target.value }, 'note')} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
