/** Kept equal to package.json's version (a test checks it); recorded in every evaluation. */
export const VERSION = '0.2.0';
