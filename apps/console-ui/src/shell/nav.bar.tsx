import { PAGES, hrefFor, type PageName } from './hash.route';

export function NavBar({ current }: { current: PageName }) {
  return (
    <nav class="nav" aria-label="Pages">
      {PAGES.map((page) => (
        <a
          key={page.name}
          href={hrefFor(page.name)}
          class={page.name === current ? 'nav-link active' : 'nav-link'}
          aria-current={page.name === current ? 'page' : undefined}
          data-testid={`nav-${page.name}`}
          id={`nav-${page.name}`}
        >
          <span class={`nav-icon icon-${page.name}`} aria-hidden="true" />
          {page.title}
        </a>
      ))}
    </nav>
  );
}
