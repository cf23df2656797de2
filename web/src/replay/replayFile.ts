/**
 * The numeric overrides a replay file records ({ overrides: [{ path, value }] }), as the pages keep them; anything
 * else (not JSON, no list, a value that is no number) is left out: the server has checked the file already.
 */
export function fileOverrides(text: string): Record<string, number> {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return {};
  }
  const list = (root as { overrides?: unknown } | null)?.overrides;
  const result: Record<string, number> = {};
  if (!Array.isArray(list)) return result;
  for (const item of list as { path?: unknown; value?: unknown }[]) {
    const value = typeof item?.value === 'string' && item.value.trim() !== '' ? Number(item.value) : typeof item?.value === 'number' ? item.value : NaN;
    if (typeof item?.path === 'string' && Number.isFinite(value)) result[item.path] = value;
  }
  return result;
}
