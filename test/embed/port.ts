/** Where the built embed is served during browser tests (playwright.config.ts starts test/embed/server.ts there). */
export const EMBED_PORT = 4318;
export const EMBED_ORIGIN = `http://127.0.0.1:${EMBED_PORT}`;
/** The same server's second port: another origin, for a course page that frames the embed. */
export const COURSE_ORIGIN = `http://127.0.0.1:${EMBED_PORT + 1}`;
