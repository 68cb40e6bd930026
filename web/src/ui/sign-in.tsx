import { useState } from 'react';
import type { Session } from '../auth/use-session';
import { useI18n } from '../i18n/i18n-context';

/** A small sign-in form: the API key goes to this tab's session storage, never into the URL. */
export function SignIn(props: { session: Session }) {
  const { t } = useI18n();
  const [key, setKey] = useState('');
  const { session } = props;
  if (session.role !== 'anonymous') {
    return (
      <div className="sign-in" data-testid="sign-in">
        <span>{t('auth.signedInAs', { role: t(`role.${session.role}`) })}</span>{' '}
        <button type="button" onClick={session.signOut}>{t('auth.signOut')}</button>
      </div>
    );
  }
  return (
    <form className="sign-in" data-testid="sign-in" onSubmit={(event) => {
      event.preventDefault();
      if (key.trim()) void session.signIn(key);
    }}>
      <input type="password" autoComplete="off" placeholder={t('auth.keyPlaceholder')} aria-label={t('auth.key')} value={key} onChange={(event) => setKey(event.target.value)} data-testid="api-key" />
      <button type="submit">{t('auth.signIn')}</button>
      {session.failure && <div className="status-error">{t(session.failure)}</div>}
    </form>
  );
}
