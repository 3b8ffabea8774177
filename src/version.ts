/** Kept equal to package.json's version (a test checks it) so that --version needs no file read. */
export const VERSION = "0.1.0";
