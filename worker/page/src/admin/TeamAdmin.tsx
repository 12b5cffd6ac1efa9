/** The Team tab for managers: invites, members, the org's settings, TV links and team chat. */
import { me } from '../app/session.ts';
import { ChatChannels } from '../chat/ChatChannels.tsx';
import { Invites } from './Invites.tsx';
import { Members } from './Members.tsx';
import { SettingsForm } from './settings/SettingsForm.tsx';
import { TvLinks } from './TvLinks.tsx';

export function TeamAdmin() {
  const profile = me.value;
  if (!profile) return null;
  return (
    <main class="admin">
      <div class="admin-grid">
        <Invites />
        <Members />
        <SettingsForm settings={profile.org.settings} />
        <TvLinks />
        <ChatChannels />
      </div>
    </main>
  );
}
