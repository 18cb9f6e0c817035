// Fonts an office machine has (Debian: fonts-noto-cjk; Windows: 微软雅黑, 宋体), first present wins.
import type { ThemeConfig } from 'antd';

export const FONT_FAMILY = `-apple-system, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimSun", sans-serif`;

export const theme: ThemeConfig = {
  token: { fontFamily: FONT_FAMILY, colorPrimary: '#1f4e9c', borderRadius: 4 },
  components: { Layout: { headerBg: '#163a75', headerHeight: 56, headerPadding: '0 24px' } },
};
