import path from 'node:path';

/** The repository root, from this file in libs/testing/{src,dist}. */
export const WORKSPACE_ROOT = path.resolve(__dirname, '..', '..', '..');
