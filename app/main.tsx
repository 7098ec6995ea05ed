// Entry point of the panel: theme and language on the page, then the app.
import { render } from "preact";
import { App } from "./App.tsx";
import { lang, loadLang, setLang } from "./i18n/i18n.ts";
import { applyTheme } from "./theme/theme.ts";
import "./styles.css";

applyTheme();
void loadLang(lang.value)
  .catch(() => setLang("fr"))
  .then(() => {
    document.documentElement.lang = lang.value;
    render(<App baseUrl={location.origin} />, document.getElementById("app") ?? document.body);
  });
