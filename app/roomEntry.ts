// What the live room needs, loaded as its own chunk in parallel with the session handshake (the room cannot show before it).
export { openRoom } from "./model/openRoom.ts";
export { RoomView } from "./views/RoomView.tsx";
