// The current hash route as reactive state; `navigate` writes `location.hash` and the listener follows.

import { formatRoute, parseRoute, type Route } from './route';

export class Router {
  route = $state.raw<Route>(parseRoute(location.hash));

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
    });
  }

  /** Goes to `route`, adding a history entry. */
  navigate(route: Route): void {
    location.hash = formatRoute(route);
  }
}
