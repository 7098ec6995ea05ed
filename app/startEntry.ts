// What a plain browser needs: the dev-mode platform and start page, or the notice to open the app inside Zoom.
export { devModeOn, devPlatform, newRoomCode, roomCode } from "./platform/dev.ts";
export { NotInZoom } from "./views/NotInZoom.tsx";
export { StartPage } from "./views/StartPage.tsx";
