import type { ComponentChild } from 'preact';
import { BreakersPage } from '../breakers/breakers.page';
import { EdgePage } from '../edge/edge.page';
import { FaultsPage } from '../faults/faults.page';
import { InstancesPage } from '../instances/instances.page';
import { LogsPage } from '../logs/logs.page';
import { MapPage } from '../map/map.page';
import { ProcessesPage } from '../processes/processes.page';
import { RoutesPage } from '../routes/routes.page';
import { TracePage } from '../traces/trace.page';
import { TracesPage } from '../traces/traces.page';
import { useLive } from './app.context';
import type { Route } from './hash.route';
import { useHashRoute } from './hash-route.hook';
import { LiveIndicator } from './live.indicator';
import { NavBar } from './nav.bar';
import { StoreFooter } from './store.footer';
import { TraceSearchForm } from './trace-search.form';

function page(route: Route): ComponentChild {
  switch (route.page) {
    case 'map':
      return <MapPage />;
    case 'instances':
      return <InstancesPage />;
    case 'breakers':
      return <BreakersPage />;
    case 'edge':
      return <EdgePage />;
    case 'routes':
      return <RoutesPage />;
    case 'traces':
      return route.traceId ? (
        <TracePage key={route.traceId} traceId={route.traceId} />
      ) : (
        <TracesPage params={route.params} />
      );
    case 'logs':
      return <LogsPage params={route.params} />;
    case 'faults':
      return <FaultsPage params={route.params} />;
    case 'processes':
      return <ProcessesPage />;
  }
}

export function AppShell() {
  const route = useHashRoute();
  const live = useLive();
  const registryError = live.services?.registryError;
  return (
    <div class="app">
      <header class="header">
        <a class="brand" href="#/map">
          <span class="brand-mark" aria-hidden="true" />
          Junction <span class="brand-sub">console</span>
        </a>
        <TraceSearchForm />
        <LiveIndicator status={live.status} />
      </header>
      <NavBar current={route.page} />
      <main class="main" data-testid={`page-${route.page}`}>
        {registryError && (
          <div class="banner banner-warn" role="alert">
            Registry unreachable, showing the last good answer: {registryError}
          </div>
        )}
        {page(route)}
      </main>
      <StoreFooter store={live.store} />
    </div>
  );
}
