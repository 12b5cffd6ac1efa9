import { useEffect } from 'preact/hooks';
import { TeamAdmin } from '../admin/TeamAdmin.tsx';
import { Contests } from '../contests/Contests.tsx';
import { CustomerReport } from '../customers/CustomerReport.tsx';
import { MyDeals } from '../deals/MyDeals.tsx';
import { GoalForm } from '../goals/GoalForm.tsx';
import { t } from '../i18n/index.ts';
import { Overview } from '../overview/Overview.tsx';
import { QuotaEditor } from '../quotas/QuotaEditor.tsx';
import { Reviews } from '../reviews/Reviews.tsx';
import { ConfirmSignin, PasskeyPrompt, SignedOut } from '../signin/SignIn.tsx';
import { RatioTargets } from '../targets/RatioTargets.tsx';
import { TargetEditor } from '../targets/TargetEditor.tsx';
import { Header } from './Header.tsx';
import { isManager, loadSession, pendingSignin, signInState, tab, unreachable } from './session.ts';

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
  if (signInState.value === 'signed-out') return <SignedOut />;
  // Reps never get the manager tabs; the API refuses their writes anyway.
  const current =
    isManager.value || tab.value === 'contests' || tab.value === 'review' ? tab.value : 'overview';
  return (
    <>
      <Header />
      <PasskeyPrompt />
      {current === 'overview' && <Overview />}
      {current === 'overview' && !isManager.value && <GoalForm />}
      {current === 'overview' && !isManager.value && <MyDeals />}
      {current === 'overview' && isManager.value && <CustomerReport />}
      {current === 'contests' && <Contests />}
      {current === 'review' && <Reviews />}
      {current === 'targets' && <TargetEditor />}
      {current === 'targets' && <RatioTargets />}
      {current === 'targets' && <QuotaEditor />}
      {current === 'team' && <TeamAdmin />}
    </>
  );
}
