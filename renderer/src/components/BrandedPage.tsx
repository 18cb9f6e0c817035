// The page around the sign-in and first-run forms: the app's mark and a line of purpose on the
// blue band, the form's card below it.
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly subtitle: string;
  readonly cardTitle: string;
  readonly cardWidth: number;
  readonly children: ReactNode;
}

export function BrandedPage({ title, subtitle, cardTitle, cardWidth, children }: Props) {
  return (
    <Flex vertical align="center" style={{ minHeight: '100%', boxSizing: 'border-box', paddingTop: '9vh', background: 'linear-gradient(180deg, #163a75 0%, #1f4e9c 42%, #f0f2f5 42%)' }}>
      <Flex vertical align="center" style={{ color: '#fff', marginBottom: 24 }}>
        <SafetyCertificateOutlined style={{ fontSize: 44 }} />
        <Typography.Title level={2} style={{ color: '#fff', margin: '8px 0 4px' }}>
          {title}
        </Typography.Title>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)' }}>{subtitle}</Typography.Text>
      </Flex>
      <Card title={cardTitle} style={{ width: cardWidth, boxShadow: '0 6px 24px rgba(0,0,0,0.12)' }}>
        {children}
      </Card>
    </Flex>
  );
}
