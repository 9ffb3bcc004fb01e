export interface ImportEdge {
  to: string;
  typeOnly: boolean;
}
export interface ImportNode {
  text: string;
  edges: ImportEdge[];
  /** Files imported beyond the folders read (hub/src/, locales/, tools/). */
  outside: string[];
  packages: string[];
}
export function importGraph(root?: string): Map<string, ImportNode>;
export function libUnit(file: string): string | null;
export function cycles<T>(nodes: T[], next: (node: T) => Iterable<T>): T[][];
export const STORED_DECLARATIONS: Set<string>;
export function isFolderEdge(file: string, edge: ImportEdge): boolean;
export function libFolderEdges(graph: Map<string, ImportNode>): Map<string, Set<string>>;
export function figures(graph: Map<string, ImportNode>): {
  folders: number;
  folderEdges: number;
  layers: number;
  folderCycles: string[][];
  backEdges: string[];
  fileCycles: string[][];
  libFiles: number;
};
