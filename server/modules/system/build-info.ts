// Version, git commit and build time, fixed into the bundle by next.config.mjs at build time.
export function buildInfo() {
  return {
    version: process.env.RRNET_VERSION ?? "0.0.0",
    commit: process.env.RRNET_GIT_COMMIT ?? "unknown",
    buildTime: process.env.RRNET_BUILD_TIME ?? null,
  };
}
