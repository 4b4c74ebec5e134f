// The studio's version, written into exported bundles and model cards (a test keeps it equal to package.json's).

export const STUDIO_VERSION = '0.1.0';
