import { useI18n } from '../i18n/i18n-context';

/**
 * What the page says when it has nothing to draw: the api is down (the map
 * keeps its last data and retries by itself), or the window is empty (a
 * wider one is offered).
 */
export function StateBanner(props: { error: string | undefined; empty: boolean; onWiden(): void }) {
  const { t } = useI18n();
  if (props.error) {
    return (
      <div className="banner banner-error" role="alert" data-testid="banner-error">
        {t('state.apiDown', { error: props.error })}
      </div>
    );
  }
  if (!props.empty) return null;
  return (
    <div className="banner" role="status" data-testid="banner-empty">
      {t('state.empty')}{' '}
      <button type="button" onClick={props.onWiden}>
        {t('state.widen')}
      </button>
    </div>
  );
}
