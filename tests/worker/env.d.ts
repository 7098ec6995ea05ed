// The test environment's bindings as the Worker tests see them.
declare namespace Cloudflare {
  interface Env {
    SESSION_SECRET: string;
    ZOOM_CLIENT_ID: string;
    ZOOM_CLIENT_SECRET: string;
    TEST_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
}
