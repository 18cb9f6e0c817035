// Drop files here or pick them; many at once. The <input type=file multiple> is the real control
// (also what the end-to-end tests drive); the button opens it from the keyboard.
import { FolderOpenOutlined, InboxOutlined } from '@ant-design/icons';
import { Typography } from 'antd';
import { useRef, useState, type DragEvent } from 'react';
import { GuardedButton } from '../components/GuardedButton';
import { ACCEPTED_FILES } from './accepted-files';

interface Props {
  readonly onFiles: (files: File[]) => void;
  readonly blockedReason?: string;
}

export function ImportDropZone({ onFiles, blockedReason }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (blockedReason) return;
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };

  return (
    <div
      className={`drop-zone${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
      data-testid="drop-zone"
    >
      <InboxOutlined style={{ fontSize: 48, color: '#1f4e9c' }} />
      <Typography.Paragraph style={{ fontSize: 16, margin: '8px 0 4px' }}>把待公开的文稿拖到这里，可一次拖入多个文件</Typography.Paragraph>
      <Typography.Paragraph type="secondary">支持 Word（.docx / .doc / .wps）、PDF、OFD、Excel（.xlsx）、纯文本和图片（扫描件、截图，用 OCR 识别）；文件只在本机审查，不会上传。</Typography.Paragraph>
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPTED_FILES}
        hidden
        aria-label="选择要导入的文稿"
        data-testid="import-file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          if (files.length > 0) onFiles(files);
        }}
      />
      <GuardedButton type="primary" icon={<FolderOpenOutlined />} onClick={() => input.current?.click()} blockedReason={blockedReason}>
        选择文件…
      </GuardedButton>
    </div>
  );
}
