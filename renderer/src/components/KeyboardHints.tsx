import { Typography } from 'antd';

export function KeyboardHints() {
  return (
    <Typography.Text type="secondary" className="keyboard-hints" style={{ fontSize: 12 }}>
      快捷键：<kbd>j</kbd>/<kbd>↓</kbd> 下一条 <kbd>k</kbd>/<kbd>↑</kbd> 上一条 <kbd>1</kbd> 已修改 <kbd>2</kbd> 误报 <kbd>3</kbd> 保留并说明 <kbd>4</kbd> 确认需修改
    </Typography.Text>
  );
}
