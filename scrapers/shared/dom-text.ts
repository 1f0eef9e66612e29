/** The text of a DOM node, scripts and styles left out; `separator` goes between text nodes. Pure. */
import type { AnyNode } from 'domhandler';

export function textOf(node: AnyNode, separator = ''): string {
  const parts: string[] = [];
  const walk = (n: AnyNode): void => {
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if ('children' in n && n.type !== 'script' && n.type !== 'style') (n.children as AnyNode[]).forEach(walk);
  };
  walk(node);
  return parts.join(separator);
}
