// The six steps of the simulated consultation, then the close: questions, the request, ideas, the plan, learnings.
import type { SimParticipant } from "./SimParticipant.ts";
import { act, clientOf, consultantsOf, move, type Play, stateOf } from "./script.ts";
import { ACTIONS, HEADLINE, IDEAS, LEARNINGS, pick, QUESTIONS, REFORMULATIONS, REQUEST } from "./texts.ts";
import { SimError, sleep } from "./wait.ts";

/** The six steps, then the close. */
export async function steps(play: Play): Promise<void> {
  const client = clientOf(play);
  const perConsultant = play.format === "flash" ? 1 : play.format === "express" ? 2 : 3;
  await move(play, { type: "advance" }, "presentation");
  play.log(`${client.name} presents the situation; the consultants listen`);
  await client.send({ type: "setHeadline", text: HEADLINE.text, question: HEADLINE.question });
  play.log(`${client.name}'s headline: ${HEADLINE.text}`);
  await sleep(play.paceMs, play.signal);

  await move(play, { type: "advance" }, "clarification");
  await act(
    play,
    consultantsOf(play).flatMap((c, i) =>
      Array.from({ length: Math.min(2, perConsultant) }, (_, k) => () => {
        const text = pick(QUESTIONS, i * 2 + k);
        play.log(`${c.name} asks: ${text}`);
        return c.send({ type: "askQuestion", text });
      }),
    ),
  );

  await move(play, { type: "advance" }, "contract");
  await contract(play, client);

  await move(play, { type: "advance" }, "consultation");
  await consultation(play, client, perConsultant);

  await move(play, { type: "advance" }, "synthesis");
  await synthesis(play, client);

  await move(play, { type: "advance" }, "evaluation");
  await act(
    play,
    play.cast.map((p, i) => () => {
      const text = pick(LEARNINGS, i);
      play.log(`${p.name} learned: ${text}`);
      return p.send({ type: "addLearning", text });
    }),
  );
  await move(play, { type: "close" }, "closed");
}

async function contract(play: Play, client: SimParticipant): Promise<void> {
  await client.send({ type: "setRequest", text: REQUEST });
  play.log(`${client.name} states the request: ${REQUEST}`);
  const reformulators = consultantsOf(play).slice(0, 2);
  const versions: number[] = [];
  await act(
    play,
    reformulators.map((c, i) => async () => {
      const text = pick(REFORMULATIONS, i);
      play.log(`${c.name} reformulates: ${text}`);
      versions.push(await c.send({ type: "suggestReformulation", text }));
    }),
  );
  const state = await client.reach(Math.max(...versions));
  const ids = new Set(reformulators.map((c) => c.participantId));
  const adopted = state.consultation.reformulations.filter((r) => ids.has(r.authorId)).at(-1);
  if (!adopted) throw new SimError("no reformulation reached the client");
  await client.send({ type: "adoptReformulation", reformulationId: adopted.id });
  play.log(`${client.name} adopts: ${adopted.text}`);
}

async function consultation(play: Play, client: SimParticipant, perConsultant: number): Promise<void> {
  const consultants = consultantsOf(play);
  const versions: number[] = [];
  await act(
    play,
    consultants.flatMap((c, i) =>
      Array.from({ length: perConsultant }, (_, k) => async () => {
        const text = pick(IDEAS, i * perConsultant + k);
        play.log(`${c.name} offers an idea: ${text}`);
        versions.push(await c.send({ type: "addIdea", text }));
      }),
    ),
  );
  // The animator pauses, adds two minutes and restarts the clock, as one does when ideas keep coming.
  await play.animator.send({ type: "pauseTimer" });
  await play.animator.send({ type: "extendTimer", minutes: 2 });
  await play.animator.send({ type: "startTimer" });
  play.log(`${play.animator.name} pauses the timer, adds 2 minutes and restarts it`);
  const ids = new Set(consultants.map((c) => c.participantId));
  const state = await client.reach(Math.max(0, ...versions));
  const ideas = state.consultation.ideas.filter((x) => ids.has(x.authorId));
  await act(
    play,
    ideas
      .filter((_, i) => i % 2 === 0)
      .map((idea) => () => {
        play.log(`${client.name} marks: ${idea.text}`);
        return client.send({ type: "markIdea", ideaId: idea.id, marked: true });
      }),
  );
}

async function synthesis(play: Play, client: SimParticipant): Promise<void> {
  const day = 24 * 60 * 60_000;
  const now = client.connection.serverNow();
  for (const a of ACTIONS) {
    const dueDate = new Date(now + a.inDays * day).toISOString().slice(0, 10);
    await client.send({ type: "addAction", text: a.text, dueDate, resources: a.resources });
    play.log(`${client.name} plans: ${a.text} (by ${dueDate})`);
    await sleep(play.paceMs, play.signal);
  }
  const action = stateOf(client).consultation.actions.find((a) => a.text === ACTIONS[0].text);
  if (action) {
    await client.send({
      type: "updateAction",
      actionId: action.id,
      text: action.text,
      dueDate: action.dueDate,
      status: "inProgress",
    });
    play.log(`${client.name} has already started: ${action.text}`);
  }
}
