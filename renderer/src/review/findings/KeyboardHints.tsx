import { Typography } from 'antd';

export function KeyboardHints() {
  return (
    <Typography.Text type="secondary" className="keyboard-hints">
      <kbd>j</kbd>/<kbd>k</kbd> 上下条 <kbd>n</kbd> 下一条待处置 <kbd>1</kbd>–<kbd>4</kbd> 处置
    </Typography.Text>
  );
}
