/** Where the built embed is served during browser tests (playwright.config.ts starts test/embed/server.ts there). */
export const EMBED_PORT = 4318;
export const EMBED_ORIGIN = `http://127.0.0.1:${EMBED_PORT}`;
