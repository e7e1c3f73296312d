import 'uplot/dist/uPlot.min.css';
import './styles/app.css';
import { render } from 'preact';
import { createApi } from './api';
import { LiveStore } from './live';
import { AppContext } from './shell/app.context';
import { AppShell } from './shell/app.shell';

// The token in `/?token=…` has been exchanged for an HttpOnly cookie by the
// time this runs; keep it out of the address bar, history and screenshots.
const url = new URL(location.href);
if (url.searchParams.has('token')) {
  url.searchParams.delete('token');
  history.replaceState(null, '', url.pathname + url.search + url.hash);
}

const live = new LiveStore((path) => new EventSource(path));
live.start();
const root = document.getElementById('app');
if (root)
  render(
    <AppContext.Provider value={{ api: createApi(), live }}>
      <AppShell />
    </AppContext.Provider>,
    root,
  );
