import { describe, expect, it } from "vitest";
import { ZOOM_CAPABILITIES } from "../../app/platform/zoomPlatform.ts";
import manifest from "../../docs/zoom/manifest.json";

describe("the Zoom app manifest", () => {
  it("lists exactly the SDK capabilities the adapter configures", () => {
    const listed = manifest.features.in_client_feature.zoom_app_api.zoom_app_apis;
    expect([...listed].sort()).toEqual([...ZOOM_CAPABILITIES].sort());
  });

  it("points Zoom at the routes the Worker serves", () => {
    const home = new URL(manifest.features.production_home_uri);
    expect(home.pathname).toBe("/");
    expect(new URL(manifest.oauth_information.production_redirect_uri).pathname).toBe("/api/zoom/callback");
    expect(manifest.features.domain_allow_list.map((d) => d.domain)).toContain(home.host);
    expect(manifest.oauth_information.oauth_allow_list).toContain(manifest.oauth_information.production_redirect_uri);
  });

  it("keeps guest mode off, since a session needs the Zoom user id that guest contexts lack", () => {
    expect(manifest.features.in_client_feature.guest_mode.enable).toBe(false);
    expect(manifest.features.products).toEqual(["ZOOM_MEETING"]);
  });
});
