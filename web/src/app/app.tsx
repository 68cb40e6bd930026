import { useEffect } from 'react';
import { I18nProvider } from '../i18n/i18n-context';
import { resolveLang } from '../i18n/lang';
import { translate } from '../i18n/translate';
import { useSession } from '../auth/use-session';
import { useBasemap } from '../map/use-basemap';
import { Planner } from './planner';
import { PlannerExtras } from './planner-extras';
import { useCity } from './use-city';
import { useViewState } from './use-view-state';

const STYLE_URL: string | undefined = import.meta.env['VITE_BASEMAP_STYLE_URL'] || undefined;

/** The page: loads the city, picks the language, and shows the planner view of the URL. */
export function App() {
  const { city, boundaries, health, error } = useCity();
  const [view, setView] = useViewState();
  const session = useSession();
  const basemap = useBasemap(STYLE_URL);
  const lang = resolveLang(view.lang ?? null, city?.code, navigator.language);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.name');
  }, [lang]);

  if (!city || !basemap.ready) {
    return (
      <div className="splash" data-testid="splash">
        {error ? translate(lang, 'state.waitingForApi', { error }) : translate(lang, 'state.loading')}
      </div>
    );
  }
  return (
    <I18nProvider lang={lang} timeZone={city.timeZone}>
      <Planner
        city={city} boundaries={boundaries} health={health} view={view} onChange={setView} style={basemap.style}
        renderExtras={(context) => <PlannerExtras context={context} city={city} view={view} session={session} onChange={setView} />}
      />
    </I18nProvider>
  );
}
