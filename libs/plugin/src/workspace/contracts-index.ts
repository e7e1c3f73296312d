import type { Tree } from '@nx/devkit';
import type { ServiceNames } from './service-names';

export const CONTRACTS_INDEX = 'libs/contracts/src/index.ts';
const NAMESPACE_EXPORT = /^export \* as \w+ from '\.\/generated\/.+';$/;

/** Exports a service's generated contracts as `<propertyName>V1`, after the other namespaces. */
export function exportContracts(tree: Tree, names: ServiceNames): void {
  const text = tree.read(CONTRACTS_INDEX, 'utf-8');
  if (text === null) throw new Error(`${CONTRACTS_INDEX} is missing`);
  const lines = text.split('\n');
  const line = `export * as ${names.propertyName}V1 from '${names.contractsModule}';`;
  if (lines.includes(line)) return;
  const last = lines.map((l) => NAMESPACE_EXPORT.test(l)).lastIndexOf(true);
  if (last < 0) throw new Error(`${CONTRACTS_INDEX} has no namespace export to add ${line} after`);
  lines.splice(last + 1, 0, line);
  tree.write(CONTRACTS_INDEX, lines.join('\n'));
}
