/** Managers create and revoke read-only TV links (one team each); the token is shown once. */
import { useState } from 'preact/hooks';
import { me, teams } from '../app/session.ts';
import { useAsync } from '../app/use-async.ts';
import { TeamSelect } from '../components/TeamSelect.tsx';
import { t } from '../i18n/index.ts';
import { createTvLink, loadTvLinks, revokeTvLink } from './api.ts';

export function TvLinks() {
  const m = t.value.tv;
  const [teamId, setTeamId] = useState(me.value?.team.id ?? '');
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const list = useAsync(loadTvLinks, 'tv-links');
  const create = async (event: Event) => {
    event.preventDefault();
    const answer = await createTvLink(teamId);
    setCreated({ id: answer.link.id, url: answer.url });
    list.reload();
  };
  const revoke = async (id: string) => {
    await revokeTvLink(id);
    if (created?.id === id) setCreated(null);
    list.reload();
  };
  return (
    <section class="card tv-links" aria-labelledby="tv-title">
      <h2 id="tv-title">{m.title}</h2>
      <p class="muted">{m.lead}</p>
      <form class="row" onSubmit={create}>
        <label>
          {t.value.team}
          <TeamSelect name="tv-team" value={teamId} onChange={setTeamId} />
        </label>
        <button type="submit" class="primary">
          {m.create}
        </button>
      </form>
      {created && (
        <p class="notice">
          <a href={created.url} target="_blank" rel="noreferrer" data-tv-url>
            {created.url}
          </a>
        </p>
      )}
      <ul class="plain-list">
        {(list.data?.links ?? []).map((link) => (
          <li key={link.id} data-link={link.id}>
            {teams.value.find((x) => x.id === link.teamId)?.name ?? link.teamId} · {m.created}{' '}
            {link.createdAt.slice(0, 16).replace('T', ' ')}
            {link.revokedAt ? (
              <span class="muted"> · {m.revoked}</span>
            ) : (
              <button type="button" onClick={() => void revoke(link.id)}>
                {t.value.admin.revoke}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
