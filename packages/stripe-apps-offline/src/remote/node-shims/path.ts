/**
 * POSIX `path.join` and `normalize`: stripe-node 8 builds each request's path
 * with `path.join(basePath, resourcePath, methodPath)`.
 */
export const sep = '/';

export function normalize(input: string): string {
  const absolute = input.startsWith('/');
  const parts: string[] = [];
  for (const part of input.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length && parts[parts.length - 1] !== '..') parts.pop();
      else if (!absolute) parts.push('..');
    } else parts.push(part);
  }
  const joined = parts.join('/');
  const trailing = input.endsWith('/') && joined ? '/' : '';
  if (absolute) return `/${joined}${trailing}`;
  return joined ? `${joined}${trailing}` : '.';
}

export function join(...segments: string[]): string {
  const joined = segments.filter((s) => s !== '').join('/');
  return joined ? normalize(joined) : '.';
}

export const posix = {sep, normalize, join};
export default posix;
