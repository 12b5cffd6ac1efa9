import { useEffect } from 'preact/hooks';
import { Header } from './components/Header.tsx';
import { t } from './i18n/index.ts';
import { isManager, loadSession, pendingSignin, signInState, tab, unreachable } from './state.ts';
import { Competitions } from './views/Competitions.tsx';
import { Overview } from './views/Overview.tsx';
import { ConfirmSignin, SignIn } from './views/SignIn.tsx';
import { TargetEditor } from './views/TargetEditor.tsx';
import { TeamAdmin } from './views/TeamAdmin.tsx';

export function App() {
  useEffect(() => {
    void loadSession();
  }, []);
  if (signInState.value === 'checking') {
    return (
      <p class="muted center" role="status">
        {unreachable.value ? t.value.errors.offline : t.value.loading}
      </p>
    );
  }
  if (pendingSignin.value !== null) return <ConfirmSignin code={pendingSignin.value} />;
  if (signInState.value === 'signed-out') return <SignIn />;
  // Reps never get the manager tabs; the API refuses their writes anyway.
  const current = isManager.value || tab.value === 'contests' ? tab.value : 'overview';
  return (
    <>
      <Header />
      {current === 'overview' && <Overview />}
      {current === 'contests' && <Competitions />}
      {current === 'targets' && <TargetEditor />}
      {current === 'team' && <TeamAdmin />}
    </>
  );
}
