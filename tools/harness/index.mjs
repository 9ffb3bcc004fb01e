// The harness in one import: fixture server, browser launch and the sites' host mapping.
export * from './browsers.mjs';
export * from './fixture-server.mjs';
export * from './launch.mjs';
export * from './sites.mjs';
