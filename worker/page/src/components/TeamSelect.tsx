/**
 * The one team picker: every team the viewer may pick (`teams`), sub-teams indented under their
 * parent. The caller gives the visible label (or `label` for an unlabelled cell) and the name the
 * form and the tests know it by.
 */
import { teams } from '../app/session.ts';

export function TeamSelect({
  name,
  label,
  value,
  disabled = false,
  onChange,
}: {
  name?: string;
  /** An accessible name when no visible `<label>` wraps the select. */
  label?: string;
  value: string | undefined;
  disabled?: boolean;
  onChange: (teamId: string) => void;
}) {
  return (
    <select
      name={name}
      aria-label={label}
      value={value}
      disabled={disabled}
      onChange={(e) => onChange(e.currentTarget.value)}
    >
      {teams.value.map((team) => (
        <option key={team.id} value={team.id}>
          {'\u2003'.repeat(team.depth)}
          {team.name}
        </option>
      ))}
    </select>
  );
}
