// End to end: the hostile feed (tests/fixtures/hostile/) through the app with the page's
// Content-Security-Policy off (Playwright's bypassCSP), so that the sanitiser and the escaping
// alone are shown to stop every vector: the policy would block an inline handler or a
// javascript: URL before its trap could run. Every link is also pointed at, focused and
// clicked. The run and its checks are hostile-app.mjs's; its controls (a handler and a
// javascript: link that do run with the policy off) are in hostile.test.mjs, and every page
// here shows its policy off by running the probe's javascript: link after each click.
import { hostileApp } from "./hostile-app.mjs";

hostileApp("policy off", { policyOff: true });
