import { Layout, Spin } from 'antd';
import { useEffect } from 'react';
import { DictionaryScreen } from '../screens/DictionaryScreen';
import { HistoryScreen } from '../screens/HistoryScreen';
import { ImportScreen } from '../screens/ImportScreen';
import { LoginScreen } from '../screens/LoginScreen';
import { PackagesScreen } from '../screens/PackagesScreen';
import { ReviewScreen } from '../screens/ReviewScreen';
import { UsersScreen } from '../screens/UsersScreen';
import { WorkbenchScreen } from '../screens/WorkbenchScreen';
import { sessionSelectors, useMishenStore } from '../store';
import { AppHeader } from './AppHeader';

export function AppShell() {
  const user = useMishenStore(sessionSelectors.user);
  const checked = useMishenStore(sessionSelectors.sessionChecked);
  const route = useMishenStore(sessionSelectors.route);
  const restoreSession = useMishenStore((s) => s.restoreSession);

  useEffect(() => {
    void restoreSession();
  }, [restoreSession]);

  // pdf.js's worker loads a large script: start it once someone is signed in, not when a PDF opens.
  useEffect(() => {
    if (user) void import('../review/document/pdf-document').then((m) => m.warmPdfWorker(), () => undefined);
  }, [user]);

  if (!checked) {
    return (
      <div style={{ height: '100%', display: 'grid', placeItems: 'center' }}>
        <Spin size="large" description="正在连接本机服务…">
          <div style={{ width: 200, height: 80 }} />
        </Spin>
      </div>
    );
  }
  if (!user) return <LoginScreen />;

  return (
    <Layout style={{ minHeight: '100vh', background: '#f0f2f5' }}>
      <AppHeader />
      <Layout.Content className={route.screen === 'review' ? 'app-content review' : 'app-content'}>
        {route.screen === 'workbench' && <WorkbenchScreen />}
        {route.screen === 'import' && <ImportScreen />}
        {route.screen === 'review' && <ReviewScreen documentId={route.documentId} />}
        {route.screen === 'history' && <HistoryScreen documentId={route.documentId} />}
        {route.screen === 'dictionary' && <DictionaryScreen />}
        {route.screen === 'users' && <UsersScreen />}
        {route.screen === 'packages' && <PackagesScreen />}
      </Layout.Content>
    </Layout>
  );
}
